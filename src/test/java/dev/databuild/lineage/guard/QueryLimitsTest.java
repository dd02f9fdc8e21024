package dev.databuild.lineage.guard;

import static dev.databuild.lineage.guard.GraphQlHttp.GRAPHQL_RESPONSE;
import static dev.databuild.lineage.guard.GraphQlHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile queries are refused with a classified error naming the limit, its key, its value and the
 * query's own figure, before any SQL runs; a normal query right after is answered.
 */
class QueryLimitsTest extends GraphQlTest {

    private static final String NORMAL = "{ eventLog { eventCount } }";

    @Autowired
    QueryLimits limits;

    @BeforeEach
    void example() {
        loadExample();
    }

    @Test
    void aDepth50RecursiveQueryIsTooDeep() {
        StringBuilder query = new StringBuilder("{ want(wantId: \"W-001\") { ");
        for (int i = 0; i < 24; i++) {
            query.append("derivativeWants { nodes { ");
        }
        query.append("wantId").append(" } }".repeat(24)).append(" } }");
        var reply = refused(query.toString(), "QUERY_TOO_DEEP", "lineage.graphql.max-depth", 15, 50);
        assertThat(reply.error().path("message").asString())
                .isEqualTo("Query depth 50 exceeds the limit of 15 (lineage.graphql.max-depth). Select fewer nested levels"
                        + " and continue deeper with node(id:) from the last level.");
    }

    @Test
    void aFanOutBombIsTooComplex() {
        String query = "{ partitionInstance(uuid: \"00000000-0000-0000-0000-000000000000\") { consumers(first: 1000) { nodes {"
                + " downstream(first: 1000) { nodes { jobRunId } } } } } }";
        var reply = refused(query, "QUERY_TOO_COMPLEX", "lineage.graphql.max-complexity", 500_000, 1_002_002);
        assertThat(reply.error().path("message").asString()).startsWith("Query cost 1002002 exceeds the limit of 500000"
                + " (lineage.graphql.max-complexity). A connection costs its 'first'");
    }

    @Test
    void pagesWithinTheCapNestedFourLevelsAreTooComplex() {
        String query = "{ wants(first: 100) { nodes { derivativeWants(first: 100) { nodes { derivativeWants(first: 100) {"
                + " nodes { jobRuns(first: 100) { nodes { jobRunId } } } } } } } } }";
        refused(query, "QUERY_TOO_COMPLEX", "lineage.graphql.max-complexity", 500_000, 102_020_201);
    }

    @Test
    void aLineageGraphIsPricedByTheNodesItCanReturn() {
        String query = "{ lineage(ref: \"data/beta\", depth: 50, perNodeLimit: 100) { nodes { instance {"
                + " consumers(first: 100) { nodes { downstream(first: 100) { nodes { jobRunId } } } } } } } }";
        refused(query, "QUERY_TOO_COMPLEX", "lineage.graphql.max-complexity", 500_000, 1 + 2000L * (1 + 1 + 1 + 100 * (1 + 1 + 100)));
    }

    @Test
    void aFragmentBombIsTooComplex() {
        StringBuilder query = new StringBuilder("{ want(wantId: \"W-001\") { ...F0 } }");
        for (int i = 0; i < 18; i++) {
            query.append(" fragment F").append(i).append(" on Want { a: derivativeWants { nodes { ...F").append(i + 1)
                    .append(" } } b: derivativeWants { nodes { ...F").append(i + 1).append(" } } }");
        }
        query.append(" fragment F18 on Want { wantId }");
        long statements = statementsDuring(() -> {
            var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query.toString());
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.classification()).isEqualTo("QUERY_TOO_COMPLEX");
            assertThat(reply.error().path("message").asString()).startsWith("The operation expands to more than 100000 fields");
        });
        assertThat(statements).isZero();
        normalQueryIsAnswered();
    }

    @Test
    void aThousandAliasesAreTooMany() {
        StringBuilder query = new StringBuilder("{ eventLog { ");
        for (int i = 0; i < 1000; i++) {
            query.append("a").append(i).append(": eventCount ");
        }
        refused(query.append("} }").toString(), "TOO_MANY_ALIASES", "lineage.graphql.max-aliases", 50, 1000);

        StringBuilder roots = new StringBuilder("{ ");
        for (int i = 0; i < 1000; i++) {
            roots.append("r").append(i).append(": eventLog { eventCount } ");
        }
        refused(roots.append("}").toString(), "TOO_MANY_ALIASES", "lineage.graphql.max-aliases", 50, 1000);
    }

    @Test
    void tooManyRootFields() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 21; i++) {
            query.append("r").append(i).append(": eventLog { eventCount } ");
        }
        refused(query.append("}").toString(), "TOO_MANY_ROOT_FIELDS", "lineage.graphql.max-root-fields", 20, 21);
    }

    @Test
    void queriesAtTheLimitsRun() {
        StringBuilder aliases = new StringBuilder("{ eventLog { ");
        for (int i = 0; i < 50; i++) {
            aliases.append("a").append(i).append(": eventCount ");
        }
        var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, aliases.append("} }").toString());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("data").path("eventLog").path("a49").asLong()).isEqualTo(23);

        // depth 14, cost 1 + 3 x (1 + 1 + 3 x (...)) = 1,093: within both limits
        StringBuilder deep = new StringBuilder("{ node(id: \"V2FudDpXLTAwMQ\") { ... on Want { ");
        for (int i = 0; i < 6; i++) {
            deep.append("derivativeWants(first: 3) { nodes { ");
        }
        deep.append("wantId").append(" } }".repeat(6)).append(" } } }");
        var deepReply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, deep.toString());
        // executed (data present); derivativeWants itself is resolved by the want feature, not on this branch
        assertThat(deepReply.status()).isEqualTo(200);
        assertThat(deepReply.body().has("data")).isTrue();
        assertThat(deepReply.body().path("errors").findValuesAsString("classification"))
                .doesNotContain("QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX");
    }

    @Test
    void anOperationIsPricedOnceWhateverTheIdsItIsAskedFor() {
        String query = "query Q($ref: String!, $n: Int) { partition(ref: $ref) { ref wants(first: $n) { nodes { wantId } } } }";
        long before = limits.pricings();
        for (String ref : new String[] {"data/alpha", "data/beta", "data/alpha"}) {
            var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query, Map.of("ref", ref, "n", 5));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("data").path("partition").path("ref").asString()).isEqualTo(ref);
        }
        assertThat(limits.pricings() - before).as("pricings of one operation asked for three refs").isEqualTo(1);
        GraphQlHttp.post(port, GRAPHQL_RESPONSE, query, Map.of("ref", "data/alpha", "n", 6));
        assertThat(limits.pricings() - before).as("another page size is priced anew").isEqualTo(2);
    }

    @Test
    void aPriceKeptForSmallPagesDoesNotLetLargeOnesThrough() {
        String query = "query Q($n: Int, $deep: Boolean!) { partitionInstance(uuid: \"00000000-0000-0000-0000-000000000000\") {"
                + " consumers(first: $n) { nodes { downstream(first: 1000) @include(if: $deep) { nodes { jobRunId } } } } } }";
        var small = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query, Map.of("n", 10, "deep", true));
        assertThat(small.status()).isEqualTo(200);
        var large = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query, Map.of("n", 1000, "deep", true));
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.classification()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(large.error().path("extensions").path("actual").asLong()).isEqualTo(1_002_002);
        // the directive's variable decides the price too: without the nested page it is cheap
        var shallow = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query, Map.of("n", 1000, "deep", false));
        assertThat(shallow.status()).isEqualTo(200);
        var deepAgain = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query, Map.of("n", 1000, "deep", true));
        assertThat(deepAgain.status()).isEqualTo(400);
    }

    /** The query is refused with no data and no SQL, in both media types; a normal query follows. */
    private GraphQlHttp.Reply refused(String query, String classification, String key, long max, long actual) {
        GraphQlHttp.Reply[] replies = new GraphQlHttp.Reply[2];
        long statements = statementsDuring(() -> {
            replies[0] = GraphQlHttp.post(port, GRAPHQL_RESPONSE, query);
            replies[1] = GraphQlHttp.post(port, JSON, query);
        });
        assertThat(statements).as("SQL statements run for a refused query").isZero();
        assertThat(replies[0].status()).isEqualTo(400);
        assertThat(replies[1].status()).isEqualTo(200);
        for (GraphQlHttp.Reply reply : replies) {
            assertThat(reply.body().has("data")).isFalse();
            assertThat(reply.body().path("errors").size()).isEqualTo(1);
            assertThat(reply.classification()).isEqualTo(classification);
            var extensions = reply.error().path("extensions");
            assertThat(extensions.path("limit").asString()).isEqualTo(key);
            assertThat(extensions.path("max").asLong()).isEqualTo(max);
            assertThat(extensions.path("actual").asLong()).isEqualTo(actual);
            assertThat(reply.error().path("message").asString()).contains(key, Long.toString(max), Long.toString(actual));
        }
        normalQueryIsAnswered();
        return replies[0];
    }

    private void normalQueryIsAnswered() {
        Supplier<GraphQlHttp.Reply> normal = () -> GraphQlHttp.post(port, GRAPHQL_RESPONSE, NORMAL);
        var reply = normal.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("data").path("eventLog").path("eventCount").asLong()).isEqualTo(23);
    }
}
