package dev.databuild.lineage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.LineageApplication;
import dev.databuild.lineage.support.Http;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The web server answers while start-up work still runs; readiness says when the data is there,
 * so a script or a load balancer waits for it instead of reading a half-loaded projection.
 */
class StartupReadinessTest {

    /** What the probes answered while the start-up work had not yet run. */
    static final List<String> DURING = new ArrayList<>();

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    static class ProbeBeforeStartupWork {
        @Bean
        @Order(0)
        ApplicationRunner probe(WebServerApplicationContext ctx) {
            return args -> {
                int port = ctx.getWebServer().getPort();
                DURING.add("readiness " + Http.get(port, "/actuator/health/readiness").status());
                DURING.add("liveness " + Http.get(port, "/actuator/health/liveness").status());
                DURING.add("health " + Http.get(port, "/actuator/health").status());
            };
        }
    }

    @Test
    void readinessWaitsForTheDemoData() {
        DURING.clear();
        try (var ctx = new SpringApplicationBuilder(LineageApplication.class, ProbeBeforeStartupWork.class)
                .run("--server.port=0", "--lineage.data-dir=" + dataDir, "--lineage.demo.enabled=true")) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            assertThat(DURING).containsExactly("readiness 503", "liveness 200", "health 503");
            assertThat(Http.get(port, "/actuator/health").status()).isEqualTo(200);
            var ready = Http.get(port, "/actuator/health/readiness");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).contains("\"UP\"");
            assertThat(Http.post(port, "/graphql", "application/json",
                    "{\"query\":\"{ jobRun(jobRunId: \\\"JR-789\\\") { status } }\"}".getBytes()).body()).contains("SUCCEEDED");
        }
    }
}
