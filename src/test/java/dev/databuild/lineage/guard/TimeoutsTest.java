package dev.databuild.lineage.guard;

import static dev.databuild.lineage.guard.GraphQlHttp.GRAPHQL_RESPONSE;
import static dev.databuild.lineage.guard.GraphQlHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The request deadline and the statement timeout, with short values and a test-only slow path. */
@Import(SlowDatabase.class)
@TestPropertySource(properties = {"lineage.graphql.request-timeout=2500ms", "lineage.db.statement-timeout=1s",
        "lineage.graphql.slow-query-threshold=500ms"})
@ExtendWith(OutputCaptureExtension.class)
class TimeoutsTest extends GraphQlTest {

    private static final String SECRET_ID = GlobalId.of("JobRun", "secret-variable-value");
    private static final String SLOW = "query SlowOne($id: ID!) { a: eventLog { eventCount } b: eventLog { lastEventId }"
            + " node(id: $id) { id } }";
    private static final String NORMAL = "{ eventLog { eventCount } }";

    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void example() {
        loadExample();
    }

    @Test
    void aRequestPastTheDeadlineGetsTimeoutWhileOthersAreServed(CapturedOutput output) {
        long started = System.nanoTime();
        CompletableFuture<GraphQlHttp.Reply> slow = CompletableFuture.supplyAsync(() -> GraphQlHttp.post(port, GRAPHQL_RESPONSE,
                SLOW, Map.of("id", SECRET_ID), SlowDatabase.SLEEP_HEADER, "1500"));
        sleep(200);
        var meanwhile = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NORMAL);
        assertThat(meanwhile.status()).isEqualTo(200);
        assertThat(meanwhile.body().path("data").path("eventLog").path("eventCount").asLong()).isEqualTo(23);
        assertThat(slow).as("the slow request is still running while the other one is answered").isNotDone();

        var reply = slow.join();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.body().has("data")).isFalse();
        assertThat(reply.classification()).isEqualTo("TIMEOUT");
        assertThat(reply.error().path("message").asString()).isEqualTo("The request ran past its deadline of 2500 ms"
                + " (lineage.graphql.request-timeout) and was cancelled; ask for less (smaller pages, fewer levels) or retry later.");
        // cancelled after the field it was fetching: b (two more slow statements) never ran
        assertThat(millis).as("answered only once the deadline had passed").isGreaterThanOrEqualTo(2500L);

        assertThat(output.getOut()).containsPattern("Slow GraphQL operation SlowOne: \\d+ ms, 2 SQL statements, cost 3, depth 2");
        assertThat(output.getOut()).doesNotContain(SECRET_ID).doesNotContain("secret-variable-value");

        var legacy = GraphQlHttp.post(port, JSON, SLOW, Map.of("id", SECRET_ID), SlowDatabase.SLEEP_HEADER, "1500");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.classification()).isEqualTo("TIMEOUT");

        var after = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NORMAL);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().path("data").path("eventLog").path("eventCount").asLong()).isEqualTo(23);
    }

    @Test
    void aStatementPastTheStatementTimeoutGetsStatementTimeout() {
        long started = System.nanoTime();
        var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NORMAL, SlowDatabase.SLOW_SQL_HEADER, "yes");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("data")).isTrue();
        assertThat(reply.body().path("data").isNull()).isTrue();
        assertThat(reply.classification()).isEqualTo("STATEMENT_TIMEOUT");
        assertThat(reply.error().path("path").path(0).asString()).isEqualTo("eventLog");
        assertThat(reply.error().path("message").asString()).startsWith("A database statement ran past the statement timeout"
                + " of 1 s (lineage.db.statement-timeout)");
        assertThat(millis).as("cancelled by the database, not before its 1 s timeout").isGreaterThanOrEqualTo(900L);

        var after = GraphQlHttp.post(port, GRAPHQL_RESPONSE, NORMAL);
        assertThat(after.body().path("data").path("eventLog").path("eventCount").asLong()).isEqualTo(23);
    }

    @Test
    void theStatementTimeoutSparesReadWriteTransactionsOnly() {
        db.selectOne().fetch();
        assertThat(SlowDatabase.lastQueryTimeout).isEqualTo(1);
        new TransactionTemplate(transactions).executeWithoutResult(s -> db.selectOne().fetch());
        assertThat(SlowDatabase.lastQueryTimeout).isZero();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(s -> db.selectOne().fetch());
        assertThat(SlowDatabase.lastQueryTimeout).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
