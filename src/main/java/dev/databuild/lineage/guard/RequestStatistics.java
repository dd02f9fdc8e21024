package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.StatementCounter;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SQL statements per request (the DistributionSummary lineage.graphql.statements, tagged by
 * operation) and the slow-query log. Statements are counted per thread by {@link StatementCounter}:
 * this service's fetchers and DataLoader batch functions run synchronously on the thread that
 * executes the request, so the counter's delta between the start and the end of the execution on
 * that thread is exact. If an execution ever ends on another thread, the delta would be someone
 * else's, so it is not recorded: lineage.graphql.statements.unattributed counts those requests.
 * The slow-query log names the operation, its duration, statement count and cost; never variables,
 * headers or tokens. Ordered before {@link QueryLimits} so rejected operations are named too.
 */
@Component
@Order(-1)
class RequestStatistics extends SimplePerformantInstrumentation {

    private static final Logger SLOW = LoggerFactory.getLogger("dev.databuild.lineage.guard.SlowQueries");

    private final MeterRegistry registry;
    private final OperationNameTags tags;
    private final Duration slowThreshold;

    RequestStatistics(MeterRegistry registry, OperationNameTags tags, GraphQlLimits limits) {
        this.registry = registry;
        this.tags = tags;
        this.slowThreshold = limits.slowQueryThreshold();
    }

    private static final class Started implements InstrumentationState {
        final long nanos = System.nanoTime();
        final Thread thread = Thread.currentThread();
        final long statements = StatementCounter.onThisThread();
        volatile String operation;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Started();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        String name = parameters.getExecutionContext().getOperationDefinition().getName();
        ((Started) state).operation = name;
        if (name != null) {
            // for the graphql.request observation, which never sees operations QueryLimits refuses
            parameters.getExecutionContext().getGraphQLContext().put(OperationNameTags.CONTEXT_KEY, name);
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((result, error) -> finished((Started) state, parameters));
    }

    private void finished(Started started, InstrumentationExecutionParameters parameters) {
        long millis = (System.nanoTime() - started.nanos) / 1_000_000;
        String operation = started.operation != null ? started.operation : parameters.getOperation();
        String tag = tags.tag(operation);
        Long statements = Thread.currentThread() == started.thread ? StatementCounter.onThisThread() - started.statements : null;
        if (statements != null) {
            DistributionSummary.builder("lineage.graphql.statements").description("SQL statements per GraphQL request")
                    .baseUnit("statements").tag("operation", tag).register(registry).record(statements);
        } else {
            registry.counter("lineage.graphql.statements.unattributed", "operation", tag).increment();
        }
        if (millis >= slowThreshold.toMillis()) {
            QueryCost cost = parameters.getGraphQLContext().get(QueryCost.class);
            SLOW.warn("Slow GraphQL operation {}: {} ms, {} SQL statements, cost {}, depth {} (threshold {} ms, lineage.graphql.slow-query-threshold)",
                    OperationNameTags.safe(operation), millis, statements == null ? "unknown" : statements, cost == null ? "-" : cost.complexity(),
                    cost == null ? "-" : cost.depth(), slowThreshold.toMillis());
        }
    }
}
