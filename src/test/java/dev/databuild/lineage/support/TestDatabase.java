package dev.databuild.lineage.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test run uses, chosen by the system property {@code lineage.test.db} (h2 or
 * postgres). PostgreSQL is a real server the tests start themselves, once per JVM.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static String kind() {
        return System.getProperty("lineage.test.db", "h2");
    }

    public static boolean isPostgres() {
        return "postgres".equals(kind());
    }

    /** Datasource properties for a new, empty database. */
    public static Map<String, String> newDatabase() {
        String name = "lineage_" + COUNTER.incrementAndGet();
        if (isPostgres()) {
            EmbeddedPostgres pg = server();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException ex) {
                throw new IllegalStateException("cannot create test database " + name, ex);
            }
            return Map.of("spring.datasource.url", pg.getJdbcUrl("postgres", name),
                    "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
        }
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=1024;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("lineage.test.pgStatStatements")) {
                    // what each statement costs to plan and to run, for manual/RequestProfile
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                            .setServerConfig("pg_stat_statements.track_planning", "on");
                }
                postgres = builder.start();
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's files are temporary
                }
            }));
        }
        return postgres;
    }
}
