package dev.databuild.lineage.guard;

import static dev.databuild.lineage.guard.GraphQlHttp.GRAPHQL_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.databuild.lineage.support.GraphQlTest;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Documents are parsed and validated once per text; what depends on variables is checked per request. */
class DocumentCacheTest extends GraphQlTest {

    private static final String NESTED = "query Nested($first: Int!) { wants(first: $first) { nodes { wantId"
            + " derivativeWants(first: $first) { nodes { derivativeWants(first: $first) { nodes {"
            + " jobRuns(first: $first) { nodes { jobRunId } } } } } } } } }";

    @Autowired
    private DocumentCache cache;

    @Test
    void aCachedDocumentIsStillPricedByItsVariables() {
        loadExample();
        var small = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NESTED, Map.of("first", 2));
        assertThat(small.status()).as(small.body().toString()).isEqualTo(200);
        assertThat(small.body().path("data").path("wants").path("nodes")).hasSize(2);

        var costly = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NESTED, Map.of("first", 100));
        assertThat(costly.status()).isEqualTo(400);
        assertThat(costly.classification()).isEqualTo("QUERY_TOO_COMPLEX");

        var again = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NESTED, Map.of("first", 3));
        assertThat(again.body().path("data").path("wants").path("nodes")).hasSize(3);
    }

    @Test
    void anInvalidDocumentIsRefusedEveryTimeAndNotKept() {
        int before = cache.size();
        for (int i = 0; i < 2; i++) {
            var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, "{ wants { noSuchField } }");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error().path("message").asString()).contains("noSuchField");
        }
        assertThat(cache.size()).isEqualTo(before);
    }

    @Test
    void eachTextIsParsedOnceAndTheLeastRecentlyUsedIsEvicted() {
        DocumentCache two = new DocumentCache(2);
        AtomicInteger parses = new AtomicInteger();
        var parse = parsing(parses);
        get(two, "{ a }", parse);
        get(two, "{ a }", parse);
        assertThat(parses).hasValue(1);
        get(two, "{ b }", parse);
        get(two, "{ a }", parse);
        get(two, "{ c }", parse);
        assertThat(parses).hasValue(3);
        get(two, "{ b }", parse);
        assertThat(parses).as("{ b } was the least recently used when { c } came").hasValue(4);
        assertThat(two.size()).isEqualTo(2);
    }

    @Test
    void erroneousAndOversizedDocumentsAreNotKept() {
        DocumentCache cache = new DocumentCache(10);
        AtomicInteger parses = new AtomicInteger();
        Function<ExecutionInput, PreparsedDocumentEntry> failing = in -> {
            parses.incrementAndGet();
            return new PreparsedDocumentEntry(List.<GraphQLError>of(GraphQLError.newError().message("bad").build()));
        };
        get(cache, "{ a }", failing);
        get(cache, "{ a }", failing);
        String huge = "{ a " + " ".repeat(DocumentCache.MAX_CACHED_LENGTH) + "}";
        get(cache, huge, parsing(parses));
        get(cache, huge, parsing(parses));
        assertThat(parses).hasValue(4);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aNegativeSizeIsRefusedByName() {
        assertThatThrownBy(() -> new DocumentCache(-1)).hasMessageContaining("lineage.graphql.document-cache-size");
    }

    private static Function<ExecutionInput, PreparsedDocumentEntry> parsing(AtomicInteger parses) {
        return in -> {
            parses.incrementAndGet();
            return new PreparsedDocumentEntry(Parser.parse(in.getQuery()));
        };
    }

    private static void get(DocumentCache cache, String query, Function<ExecutionInput, PreparsedDocumentEntry> parse) {
        cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
    }
}
