package dev.databuild.lineage.bench;

import dev.databuild.lineage.support.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A new database per context, as the other database tests get, with H2's reuse of a statement's
 * previous result turned off: H2 otherwise answers a repeated identical SELECT on unchanged
 * tables from memory (see BENCHMARKS.md), which would time a cache, not a query, for all three ways.
 */
public class BenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new HashMap<>(TestDatabase.newDatabase());
        if (!TestDatabase.isPostgres()) {
            props.put("spring.datasource.url", props.get("spring.datasource.url") + ";OPTIMIZE_REUSE_RESULTS=0");
        }
        String planMode = System.getProperty("bench.planCacheMode");
        if (planMode != null && TestDatabase.isPostgres()) {
            props.put("spring.datasource.hikari.connection-init-sql", "set plan_cache_mode = " + planMode);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench-database", props));
    }
}
