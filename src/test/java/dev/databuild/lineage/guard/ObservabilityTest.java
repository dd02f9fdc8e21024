package dev.databuild.lineage.guard;

import static dev.databuild.lineage.guard.GraphQlHttp.GRAPHQL_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Http;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import graphql.execution.instrumentation.Instrumentation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Request metrics per operation name, SQL statements per request, and the actuator endpoints. */
class ObservabilityTest extends GraphQlTest {

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private GraphQlSource graphQlSource;

    /** graphql-java calls every link of the chain for every field: all instrumentations are one link. */
    @Test
    void everyInstrumentationIsOneRequestLevelLink() {
        Instrumentation top = graphQlSource.graphQl().getInstrumentation();
        assertThat(top).isInstanceOf(RequestLevelInstrumentation.class);
        assertThat(((RequestLevelInstrumentation) top).members()).extracting(i -> i.getClass().getSimpleName())
                .containsExactly("RequestDeadline", "RequestStatistics", "QueryLimits", "FetcherObservations");
    }

    /** Off by default, like the per-fetcher timers; FetcherObservationsTest covers turning them on. */
    @Test
    void batchLoadsAreNotTimedByDefault() {
        loadExample();
        assertThat(GraphQlHttp.post(port, GRAPHQL_RESPONSE, "{ wants { nodes { jobRuns { nodes { jobRunId } } } } }").status()).isEqualTo(200);
        assertThat(registry.find("graphql.request").timers()).isNotEmpty();
        assertThat(registry.find("graphql.dataloader").timers()).isEmpty();
    }

    @Test
    void anInstrumentationWithPerFieldHooksIsRefused() {
        Instrumentation perField = new graphql.execution.instrumentation.SimplePerformantInstrumentation() {
            @Override
            public graphql.execution.instrumentation.InstrumentationContext<Object> beginFieldCompletion(
                    graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters parameters,
                    graphql.execution.instrumentation.InstrumentationState state) {
                return null;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestLevelInstrumentation(List.of(perField)))
                .hasMessageContaining("beginFieldCompletion");
    }

    @Test
    void requestsAreTimedAndTheirStatementsCountedPerOperation() {
        loadExample();
        long statements = statementsDuring(() -> assertThat(GraphQlHttp.post(port, GRAPHQL_RESPONSE,
                "query ObservedProbe { eventLog { eventCount lastEventId } }").status()).isEqualTo(200));
        assertThat(statements).isPositive();

        DistributionSummary summary = registry.find("lineage.graphql.statements").tag("operation", "ObservedProbe").summary();
        assertThat(summary).isNotNull();
        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.totalAmount()).isEqualTo((double) statements);
        Timer timer = registry.find("graphql.request").tag("graphql.operation.name", "ObservedProbe").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag("graphql.outcome")).isEqualTo("SUCCESS");
        assertThat(registry.find("graphql.datafetcher").timers()).as("off by default: a timer per fetcher call").isEmpty();

        String prometheus = Http.get(port, "/actuator/prometheus").body();
        assertThat(prometheus).containsPattern("lineage_graphql_statements_count\\{[^}]*operation=\"ObservedProbe\"[^}]*} 1")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"ObservedProbe\"");
    }

    @Test
    void refusedOperationsAreNamedAndRunNoStatements() {
        StringBuilder aliases = new StringBuilder("query RefusedProbe { eventLog { ");
        for (int i = 0; i < 60; i++) {
            aliases.append("a").append(i).append(": eventCount ");
        }
        var reply = GraphQlHttp.post(port, GRAPHQL_RESPONSE, aliases.append("} }").toString());
        assertThat(reply.classification()).isEqualTo("TOO_MANY_ALIASES");
        DistributionSummary summary = registry.find("lineage.graphql.statements").tag("operation", "RefusedProbe").summary();
        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.totalAmount()).isZero();
        assertThat(registry.find("graphql.request").tag("graphql.operation.name", "RefusedProbe").timer().getId()
                .getTag("graphql.outcome")).isEqualTo("REQUEST_ERROR");
    }

    @Test
    void healthIsUp() {
        var health = Http.get(port, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
