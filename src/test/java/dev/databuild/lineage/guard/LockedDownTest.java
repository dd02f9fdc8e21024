package dev.databuild.lineage.guard;

import static dev.databuild.lineage.guard.GraphQlHttp.GRAPHQL_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.ExampleLog;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import graphql.introspection.Introspection;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;

/** A deployment with both tokens, one allowed CORS origin and introspection off. */
@TestPropertySource(properties = {"lineage.security.write-token=" + LockedDownTest.WRITE,
        "lineage.security.read-token=" + LockedDownTest.READ, "lineage.cors.allowed-origins=https://app.example.com",
        "spring.graphql.schema.introspection.enabled=false",
        "logging.level.org.springframework.web=DEBUG", "logging.level.org.springframework.graphql=DEBUG",
        "logging.level.dev.databuild=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class LockedDownTest extends DatabaseTest {

    static final String WRITE = "write-secret-7f3a9c51";
    static final String READ = "read-secret-2b8e1d07";
    private static final String WRONG = "wrong-secret-99d4e2aa";
    private static final String QUERY = "{ eventLog { eventCount } }";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesNeedTheWriteToken() {
        byte[] events = Http.jsonArray(ExampleLog.events());
        var missing = Http.post(port, "/api/events", "application/json", events);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"databuild-lineage\"");
        assertThat(json(missing).path("error").asString()).isEqualTo("Unauthorized");
        assertThat(json(missing).path("reason").asString()).isEqualTo("This endpoint needs 'Authorization: Bearer <token>'");

        var wrong = Http.post(port, "/api/events", "application/json", events, "Authorization", "Bearer " + WRONG);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"databuild-lineage\", error=\"invalid_token\"");
        assertThat(json(wrong).path("reason").asString()).isEqualTo("The bearer token is not valid for this endpoint");

        var readOnly = Http.post(port, "/api/events", "application/json", events, "Authorization", "Bearer " + READ);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(json(readOnly).path("reason").asString()).isEqualTo("The token grants read access only; this endpoint writes");
        assertThat(db.fetchCount(EVENT_LOG)).isZero();

        var granted = Http.post(port, "/api/events", "application/json", events, "Authorization", "Bearer " + WRITE);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(db.fetchCount(EVENT_LOG)).isEqualTo(23);

        assertThat(Http.post(port, "/api/admin/replay", null, new byte[0]).status()).isEqualTo(401);
        assertThat(Http.post(port, "/api/admin/replay", null, new byte[0], "Authorization", "Bearer " + READ).status()).isEqualTo(403);
        assertThat(Http.post(port, "/api/admin/replay", null, new byte[0], "Authorization", "bearer " + WRITE).status()).isEqualTo(200);
    }

    @Test
    void readsNeedTheReadOrTheWriteToken() {
        var missing = GraphQlHttp.post(port, GRAPHQL_RESPONSE, QUERY);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.classification()).isEqualTo("UNAUTHENTICATED");
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"databuild-lineage\"");
        assertThat(GraphQlHttp.post(port, GRAPHQL_RESPONSE, QUERY, "Authorization", "Bearer " + WRONG).status()).isEqualTo(403);

        for (String token : new String[] {READ, WRITE}) {
            var granted = GraphQlHttp.post(port, GRAPHQL_RESPONSE, QUERY, "Authorization", "Bearer " + token);
            assertThat(granted.status()).isEqualTo(200);
            assertThat(granted.body().path("data").path("eventLog").path("eventCount").asLong()).isZero();
        }
        assertThat(Http.get(port, "/api/events?after=0").status()).isEqualTo(401);
        assertThat(Http.get(port, "/api/events?after=0", "Authorization", "Bearer " + READ).status()).isEqualTo(200);
        assertThat(Http.get(port, "/graphql/schema").status()).isEqualTo(401);
        assertThat(Http.get(port, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Http.get(port, "//graphql?query=%7B__typename%7D").status()).isEqualTo(401);
    }

    @Test
    void graphiqlStaticAssetsAndHealthStayOpen() {
        assertThat(Http.get(port, "/actuator/health").status()).isEqualTo(200);
        assertThat(Http.get(port, "/favicon.ico").status()).as("static resources: not found, not refused").isEqualTo(404);
        assertThat(Http.get(port, "/graphiql").status()).isBetween(200, 399);
    }

    @Test
    void tokensAreNeverLogged(CapturedOutput output) {
        Http.post(port, "/api/events", "application/json", Http.jsonArray(ExampleLog.events()), "Authorization", "Bearer " + WRITE);
        Http.post(port, "/api/events", "application/json", "[]".getBytes(), "Authorization", "Bearer " + WRONG);
        Http.post(port, "/api/events", "application/json", "[]".getBytes(), "Authorization", "Bearer " + READ);
        GraphQlHttp.post(port, GRAPHQL_RESPONSE, QUERY, "Authorization", "Bearer " + READ);
        GraphQlHttp.post(port, GRAPHQL_RESPONSE, QUERY, "Authorization", "Bearer " + WRONG);
        Http.get(port, "/api/events?after=0", "Authorization", "Bearer " + WRITE);
        assertThat(output.getAll()).contains("/api/events").doesNotContain(WRITE).doesNotContain(READ).doesNotContain(WRONG);
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        for (String path : new String[] {"/graphql", "/api/events"}) {
            HttpResponse<String> allowed = CorsRequests.preflight(port, path, "https://app.example.com");
            assertThat(allowed.statusCode()).as(path).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("https://app.example.com");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).as(path).contains("POST");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .as(path).contains("authorization");

            HttpResponse<String> refused = CorsRequests.preflight(port, path, "https://evil.example.net");
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, "{ __schema { queryType { name } } }", "Authorization", "Bearer " + READ);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().has("data")).isFalse();
        assertThat(reply.error().path("message").asString()).isEqualTo("Introspection has been disabled for this request");
        var query = GraphQlHttp.post(port, GRAPHQL_RESPONSE, QUERY, "Authorization", "Bearer " + READ);
        assertThat(query.body().path("data").path("eventLog").path("eventCount").asLong()).isZero();
    }

    /** Boot switches introspection off JVM-wide (graphql-java's Introspection.enabledJvmWide): undo it for later tests. */
    @AfterAll
    static void introspectionBackOn() {
        Introspection.enabledJvmWide(true);
    }

    private static JsonNode json(Http.Response response) {
        return JSON.readTree(response.body());
    }
}
