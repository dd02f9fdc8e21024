package dev.databuild.lineage.guard;

import static dev.databuild.lineage.guard.GraphQlHttp.GRAPHQL_RESPONSE;
import static dev.databuild.lineage.guard.GraphQlHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Http;
import graphql.introspection.IntrospectionQuery;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GraphQL-over-HTTP contract of /graphql: methods, media types, status codes, error bodies. */
class GraphQlOverHttpTest extends GraphQlTest {

    private static final String EVENT_COUNT = "{ eventLog { eventCount } }";

    @BeforeEach
    void example() {
        loadExample();
    }

    @Test
    void postAnswersInTheNegotiatedMediaType() {
        var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, EVENT_COUNT);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/graphql-response+json;charset=UTF-8");
        assertThat(reply.body().path("data").path("eventLog").path("eventCount").asLong()).isEqualTo(23);

        assertThat(GraphQlHttp.post(port, "application/json;q=0.5, application/graphql-response+json;charset=utf-8", EVENT_COUNT)
                .contentType()).startsWith(GRAPHQL_RESPONSE);
        assertThat(GraphQlHttp.post(port, "application/json; charset=utf-8", EVENT_COUNT).contentType()).startsWith(JSON + ";");
        assertThat(GraphQlHttp.post(port, "*/*", EVENT_COUNT).contentType()).startsWith(JSON + ";");
        assertThat(GraphQlHttp.post(port, null, EVENT_COUNT).contentType()).startsWith(GRAPHQL_RESPONSE);
    }

    @Test
    void anUnacceptableAcceptIs406() {
        var reply = GraphQlHttp.post(port, "text/html", EVENT_COUNT);
        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.classification()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(reply.error().path("message").asString()).contains("application/graphql-response+json");
    }

    @Test
    void getRunsQueriesWithVariablesAndOperationName() {
        String query = "query Other { eventLog { lastEventId } } query ById($id: ID!) { node(id: $id) { ... on JobRun { jobRunId } } }";
        var reply = GraphQlHttp.get(port, Map.of("query", query, "operationName", "ById",
                "variables", GraphQlHttp.json(Map.of("id", dev.databuild.lineage.support.GlobalId.of("JobRun", "JR-457")))), GRAPHQL_RESPONSE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("data").path("node").path("jobRunId").asString()).isEqualTo("JR-457");
    }

    @Test
    void aMutationOverGetIs405AndRunsNothing() {
        long statements = statementsDuring(() -> {
            var reply = GraphQlHttp.get(port, Map.of("query", "mutation { replay }"), GRAPHQL_RESPONSE);
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.header("Allow")).isEqualTo("POST");
            assertThat(reply.classification()).isEqualTo("METHOD_NOT_ALLOWED");
            var named = GraphQlHttp.get(port, Map.of("query", "query Q { eventLog { eventCount } } mutation M { replay }",
                    "operationName", "M"), JSON);
            assertThat(named.status()).isEqualTo(405);
        });
        assertThat(statements).isZero();
        var query = GraphQlHttp.get(port, Map.of("query", EVENT_COUNT), JSON);
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.body().path("data").path("eventLog").path("eventCount").asLong()).isEqualTo(23);
    }

    @Test
    void aMutationOverPostIsAValidationError() {
        var strict = GraphQlHttp.post(port, GRAPHQL_RESPONSE, "mutation { replay }");
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.classification()).isEqualTo("ValidationError");
        assertThat(strict.body().has("data")).isFalse();
        var legacy = GraphQlHttp.post(port, JSON, "mutation { replay }");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.classification()).isEqualTo("ValidationError");
    }

    @Test
    void malformedRequestsGet400WithAJsonBody() {
        long statements = statementsDuring(() -> {
            var malformed = GraphQlHttp.postRaw(port, JSON, "{\"query\": ".getBytes(StandardCharsets.UTF_8), "Accept", GRAPHQL_RESPONSE);
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.classification()).isEqualTo("BAD_REQUEST");
            assertThat(malformed.error().path("message").asString()).startsWith("The body is not a JSON object");

            var missing = GraphQlHttp.postRaw(port, JSON, "{\"qeury\": \"{ eventLog { eventCount } }\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.error().path("message").asString()).isEqualTo("The request has no 'query' string");

            var badVariables = GraphQlHttp.postRaw(port, JSON, "{\"query\": \"{ eventLog { eventCount } }\", \"variables\": [7]}"
                    .getBytes(StandardCharsets.UTF_8), "Accept", JSON);
            assertThat(badVariables.status()).isEqualTo(400);
            assertThat(badVariables.error().path("message").asString()).isEqualTo("'variables' must be an object");

            assertThat(GraphQlHttp.get(port, Map.of(), JSON).status()).isEqualTo(400);
        });
        assertThat(statements).isZero();
    }

    @Test
    void aWrongOrMissingContentTypeIs415() {
        var wrong = GraphQlHttp.postRaw(port, "text/plain", EVENT_COUNT.getBytes(StandardCharsets.UTF_8), "Accept", GRAPHQL_RESPONSE);
        assertThat(wrong.status()).isEqualTo(415);
        assertThat(wrong.header("Accept")).isEqualTo("application/json");
        assertThat(wrong.classification()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(GraphQlHttp.postRaw(port, null, EVENT_COUNT.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
    }

    @Test
    void parseErrorsAre400OnlyWithTheGraphQlResponseType() {
        var strict = GraphQlHttp.post(port, GRAPHQL_RESPONSE, "{");
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.classification()).isEqualTo("InvalidSyntax");
        assertThat(GraphQlHttp.post(port, JSON, "{").status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        byte[] big = ("{\"query\": \"{ eventLog { eventCount } }\", \"x\": \"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        var reply = GraphQlHttp.postRaw(port, JSON, big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error().path("message").asString()).contains("lineage.graphql.max-request-size");
    }

    @Test
    void introspectionIsOnByDefaultAndFitsTheLimits() {
        var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, IntrospectionQuery.INTROSPECTION_QUERY);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("errors").isMissingNode()).isTrue();
        assertThat(reply.body().path("data").path("__schema").path("queryType").path("name").asString()).isEqualTo("Query");
    }

    @Test
    void theSchemaIsPrintedAtGraphqlSchema() {
        var schema = Http.get(port, "/graphql/schema");
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).contains("type Query {").contains("lineage(");
    }

    @Test
    void noOriginIsAllowedByDefault() {
        for (String path : new String[] {"/graphql", "/api/events"}) {
            var preflight = CorsRequests.preflight(port, path, "https://app.example.com");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        var crossOrigin = Http.get(port, "/graphql?query=%7BeventLog%7BeventCount%7D%7D", "Origin", "https://app.example.com");
        assertThat(crossOrigin.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
