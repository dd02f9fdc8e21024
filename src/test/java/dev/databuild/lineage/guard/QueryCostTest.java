package dev.databuild.lineage.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlLimits;
import graphql.execution.RawVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The pricing on the real schema, without a server: exact numbers for each rule. */
class QueryCostTest {

    private static final GraphQLSchema SCHEMA = schema();
    private static final GraphQlLimits LIMITS = new GraphQlLimits(100);

    @Test
    void aConnectionCostsItsFirstTimesWhatItSelects() {
        QueryCost cost = cost("{ partitionInstance(uuid: \"u\") { consumers(first: 1000) { nodes {"
                + " downstream(first: 1000) { nodes { jobRunId } } } } } }");
        // partitionInstance 1 + consumers 1 + 1000 runs x (1 + downstream 1 + 1000 runs)
        assertThat(cost.complexity()).isEqualTo(1 + 1 + 1000L * (1 + 1 + 1000));
        assertThat(cost.depth()).isEqualTo(6);
        assertThat(cost.aliases()).isZero();
        assertThat(cost.rootFields()).isEqualTo(1);
    }

    @Test
    void aConnectionWithoutFirstCostsTheDefaultPage() {
        assertThat(cost("{ wants { nodes { wantId } totalCount pageInfo { hasNextPage } } }").complexity())
                .isEqualTo(1 + 20 + 1);
        assertThat(cost("{ wants { edges { cursor node { wantId } } } }").complexity()).isEqualTo(1 + 20 * 2);
    }

    @Test
    void aBackwardPageCostsItsLastLikeFirst() {
        String forward = "{ partitionInstance(uuid: \"u\") { consumers(first: 1000) { nodes { jobRunId } }"
                + " downstream(first: 1000) { nodes { partition { instances(first: 1000) { nodes { uuid } } } } } } }";
        // partitionInstance 1 + consumers (1 + 1000) + downstream (1 + 1000 x (1 + partition 1 + instances (1 + 1000)))
        assertThat(cost(forward.replace("first", "last")).complexity()).isEqualTo(cost(forward).complexity())
                .isEqualTo(1 + (1 + 1000) + (1 + 1000L * (1 + 1 + 1 + 1000)));
        assertThat(cost("{ wants(last: 7, before: \"c\") { nodes { wantId } } }").complexity()).isEqualTo(1 + 7);
        assertThat(cost("{ jobRuns(last: 0) { nodes { jobRunId } } }").complexity()).isEqualTo(1);
        assertThat(cost("{ partitions(before: \"c\") { nodes { ref } } }").complexity()).isEqualTo(1 + 20);
        // refused when it resolves; until then it is priced at the larger page
        assertThat(cost("{ wants(first: 3, last: 50) { nodes { wantId } } }").complexity()).isEqualTo(1 + 50);
        String query = "query($n: Int) { partition(ref: \"r\") { instances(last: $n) { edges { node { uuid } } } } }";
        assertThat(cost(query, Map.of("n", 9)).complexity()).isEqualTo(1 + 1 + 9 * 2);
    }

    @Test
    void fourNestedPagesOfAHundredCostAHundredMillion() {
        QueryCost cost = cost("{ wants(first: 100) { nodes { derivativeWants(first: 100) { nodes {"
                + " derivativeWants(first: 100) { nodes { derivativeWants(first: 100) { nodes { wantId } } } } } } } } }");
        long level4 = 1 + 100;
        long level3 = 1 + 100 * (1 + level4);
        long level2 = 1 + 100 * (1 + level3);
        assertThat(cost.complexity()).isEqualTo(1 + 100 * (1 + level2)).isGreaterThan(100_000_000L);
    }

    @Test
    void costSaturatesInsteadOfOverflowing() {
        StringBuilder query = new StringBuilder("{ wants(first: 100) { nodes { wantId ");
        for (int i = 0; i < 12; i++) {
            query.append("derivativeWants(first: 100) { nodes { wantId ");
        }
        query.append("}}".repeat(13)).append("}");
        QueryCost cost = cost(query.toString());
        assertThat(cost.complexity()).isEqualTo(Long.MAX_VALUE);
        assertThat(cost.depth()).isEqualTo(2 + 12 * 2 + 1);
    }

    @Test
    void lineageIsPricedByTheNodesItCanReturn() {
        // 1 hop, 2 per node, one direction: 2 runs + 4 instances + the focus = 7 nodes (and edges)
        assertThat(cost("{ lineage(ref: \"r\", depth: 1, perNodeLimit: 2, direction: UPSTREAM) { nodes { id } edges { from } } }")
                .complexity()).isEqualTo(1 + 7 + 7);
        assertThat(cost("{ lineage(ref: \"r\", depth: 1, perNodeLimit: 2) { nodes { id } } }").complexity())
                .isEqualTo(1 + (1 + 2 * 6));
        // the defaults (depth 3, 25 per node, both ways) reach the node budget
        assertThat(cost("{ lineage(ref: \"r\") { nodes { id } focus { uuid } } }").complexity()).isEqualTo(1 + 2000 + 1);
        assertThat(cost("{ lineage(ref: \"r\") { nodes { instance { consumers(first: 100) { nodes { jobRunId } } } } } }")
                .complexity()).isEqualTo(1 + 2000L * (1 + 1 + 1 + 100));
    }

    @Test
    void nodesCostsOncePerIdAndFragmentsAndVariablesAreApplied() {
        assertThat(cost("{ nodes(ids: [\"a\", \"b\", \"c\"]) { id ... on Want { jobRuns { nodes { jobRunId } } } } }").complexity())
                .isEqualTo(3 * (1 + 1 + 20));
        String query = "query($n: Int) { wants(first: $n) { ...W } } fragment W on WantConnection { nodes { wantId } }";
        assertThat(cost(query, Map.of("n", 7)).complexity()).isEqualTo(1 + 7);
    }

    @Test
    void aliasesAndRootFieldsAreCounted() {
        QueryCost cost = cost("{ a: eventLog { lastEventId } b: eventLog { x: eventCount } c: wants { nodes { id } } }");
        assertThat(cost.aliases()).isEqualTo(4);
        assertThat(cost.rootFields()).isEqualTo(3);
    }

    @Test
    void introspectionIsNeitherDeepNorCostly() {
        QueryCost cost = cost("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }");
        assertThat(cost.depth()).isZero();
        assertThat(cost.complexity()).isZero();
    }

    @Test
    void theSavedGraphiqlViewsFitTheDefaultLimits() throws IOException {
        String examples = new ClassPathResource("static/graphiql-examples.js").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher query = java.util.regex.Pattern.compile("query: `([^`]*)`").matcher(examples);
        java.util.List<QueryCost> costs = new java.util.ArrayList<>();
        while (query.find()) {
            costs.add(cost(query.group(1)));
        }
        // today: WantFulfilment 186,604 (depth 10), PartitionLineage 2,149, JobRunDetail 131
        assertThat(costs).hasSize(3).allSatisfy(c -> {
            assertThat(c.depth()).isLessThanOrEqualTo(15);
            assertThat(c.complexity()).isLessThanOrEqualTo(500_000);
        });
    }

    static QueryCost cost(String query) {
        return cost(query, Map.of());
    }

    static QueryCost cost(String query, Map<String, Object> variables) {
        var operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                SCHEMA, Parser.parse(query), null, RawVariables.of(variables));
        return QueryCost.of(operation, SCHEMA, LIMITS);
    }

    private static GraphQLSchema schema() {
        try (InputStream in = new ClassPathResource("graphql/schema.graphqls").getInputStream()) {
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(in));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
