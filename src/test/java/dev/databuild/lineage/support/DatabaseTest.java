package dev.databuild.lineage.support;

import dev.databuild.lineage.ingest.ProjectionTables;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;

/**
 * Base of every test that touches the database: a running server on a random port over a fresh
 * database of the kind under test (H2 or PostgreSQL), emptied before each test.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DatabaseTest.FreshDatabase.class)
public abstract class DatabaseTest {

    @Autowired
    protected DSLContext db;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void emptyDatabase() {
        ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
        db.deleteFrom(EVENT_LOG).execute();
        db.update(LOG_HEAD).set(LOG_HEAD.LAST_EVENT_ID, 0L).execute();
    }

    /** Runs first, so that an initializer of a subclass can put another database in its place. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> props = new java.util.HashMap<>(TestDatabase.newDatabase());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", props));
        }
    }
}
