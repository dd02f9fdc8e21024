package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL keeps one plan for each statement the small views send, instead of planning it again
 * on every execution (which took 0.1-0.5 ms a statement, several times running it, while keys were
 * bound as arrays: {@link KeyArray#MAX_ROWS}). One pooled connection, so the session whose
 * prepared statements are read is the one that ran the views.
 */
@EnabledIfSystemProperty(named = "lineage.test.db", matches = "postgres", disabledReason = "PostgreSQL's plan cache")
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=1",
        // Flyway holds a lock on one connection while it migrates on another: its own, here
        "spring.flyway.url=${spring.datasource.url}", "spring.flyway.user=${spring.datasource.username}",
        "spring.flyway.password=${spring.datasource.password}"})
class PlanCacheTest extends GraphQlTest {

    @Test
    void postgresKeepsAPlanForEveryStatementOfTheSmallViews() {
        loadExample();
        db.execute("deallocate all");
        // the driver prepares a statement on the server from its fifth run; PostgreSQL tries five
        // custom plans, then keeps the generic one unless it costs more
        for (int i = 0; i < 15; i++) {
            graphQl.documentName("partitionLineage").variables(Map.of("ref", "data/beta", "at", "2030-01-01T00:00:00Z"))
                    .execute().errors().verify();
            graphQl.documentName("jobRunDetail").variable("jobRunId", "JR-457").execute().errors().verify();
            graphQl.documentName("consumers").variable("uuid", Ids.instanceUuid("JR-300", "data/alpha").toString())
                    .execute().errors().verify();
        }
        var prepared = db.fetch("select statement, generic_plans, custom_plans from pg_prepared_statements");
        assertThat(prepared).as("the views' statements, prepared on the server").hasSizeGreaterThanOrEqualTo(15);
        prepared.forEach(p -> assertThat(p.get("generic_plans", Long.class))
                .as("generic plans of %s (custom plans: %s)", p.get("statement"), p.get("custom_plans")).isPositive());
    }
}
