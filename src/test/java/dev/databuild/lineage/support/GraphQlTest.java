package dev.databuild.lineage.support;

import dev.databuild.lineage.ingest.ExampleLog;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of GraphQL tests: real HTTP requests to /graphql of the running server, documents from
 * src/test/resources/graphql-test/, and the SQL statement counter.
 */
public abstract class GraphQlTest extends DatabaseTest {

    @Autowired
    protected IngestService ingest;

    @Autowired
    protected StatementCounter statements;

    protected HttpGraphQlTester graphQl;

    @BeforeEach
    void graphQlClient() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
        graphQl = HttpGraphQlTester.create(client);
    }

    protected void loadExample() {
        ingest.ingest(ExampleLog.events());
    }

    protected void load(List<DataBuildEvent> events) {
        ingest.ingest(events);
    }

    /** SQL statements run by {@code action}; tests run one request at a time, so the delta is exact. */
    protected long statementsDuring(Runnable action) {
        long before = statements.total();
        action.run();
        return statements.total() - before;
    }
}
