package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.TestDatabase;
import java.sql.SQLException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A test-only slow path, switched on per request by a header so that other requests stay fast:
 * {@value #SLEEP_HEADER} sleeps before each statement (a slow request), {@value #SLOW_SQL_HEADER}
 * replaces each statement without bind values by one the database needs minutes for (a slow
 * statement; in eventLog, the count of the log). It also records
 * the timeout each statement was given. It relies on GraphQL executing on the request's thread.
 */
@TestConfiguration(proxyBeanMethods = false)
class SlowDatabase {

    static final String SLEEP_HEADER = "X-Test-Sleep-Ms";
    static final String SLOW_SQL_HEADER = "X-Test-Slow-Sql";
    static volatile int lastQueryTimeout = -1;

    @Bean
    ExecuteListenerProvider slowDatabase() {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void renderEnd(ExecuteContext ctx) {
                // only statements without bind values, so the replacement binds nothing
                if (header(SLOW_SQL_HEADER) != null && !ctx.sql().contains("?")) {
                    ctx.sql(TestDatabase.isPostgres() ? "select pg_sleep(300)"
                            : "select sum(\"X\") from system_range(1, 1000000000000)");
                }
            }

            @Override
            public void executeStart(ExecuteContext ctx) {
                try {
                    lastQueryTimeout = ctx.statement().getQueryTimeout();
                } catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
                String sleep = header(SLEEP_HEADER);
                if (sleep != null) {
                    try {
                        Thread.sleep(Long.parseLong(sleep));
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    private static String header(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getHeader(name) : null;
    }
}
