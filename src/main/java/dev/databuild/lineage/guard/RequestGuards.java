package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The request's guards as one instrumentation that takes part only in request-level hooks: the
 * deadline starts first, the statistics see refused operations too, then the limits refuse. As
 * separate beans each was one more link in graphql-java's chain, which calls every link for every
 * field (fetch, completion, data fetcher) even when it ignores fields: three such links cost a
 * 1,000-node page about 14% of its time.
 */
@Component
@Order(-2)
class RequestGuards extends SimplePerformantInstrumentation {

    private final ChainedInstrumentation guards;

    RequestGuards(GraphQlLimits limits, MeterRegistry registry, OperationNameTags tags) {
        this.guards = new ChainedInstrumentation(List.of(new RequestDeadline(limits),
                new RequestStatistics(registry, tags, limits), new QueryLimits(limits)));
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return guards.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        return guards.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        return guards.beginExecuteOperation(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        return guards.instrumentExecutionResult(result, parameters, state);
    }
}
