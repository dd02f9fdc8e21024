package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The per-request deadline, counted from the start of the execution. When it passes, the execution
 * is cancelled through graphql-java's ExecutionInput.cancel(): it stops before fetching or
 * completing any further field, and the answer is a TIMEOUT error without data (504 with
 * application/graphql-response+json, 200 with application/json). A fetcher already running
 * finishes its statement first, which lineage.db.statement-timeout bounds. (A timeout on the
 * response Mono would not do: execution runs synchronously while the Mono is subscribed, before
 * any timer could start.)
 */
@Component
@Order(-2)
class RequestDeadline extends SimplePerformantInstrumentation {

    private final Duration timeout;

    RequestDeadline(GraphQlLimits limits) {
        this.timeout = limits.requestTimeout();
    }

    private static final class Deadline implements InstrumentationState {
        volatile ExecutionInput input;
        volatile boolean expired;
        volatile Disposable timer;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        Deadline deadline = new Deadline();
        deadline.input = parameters.getExecutionInput();
        deadline.timer = Schedulers.parallel().schedule(() -> {
            deadline.expired = true;
            deadline.input.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return deadline;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        // the input the engine checks for cancellation, should an instrumentation have replaced it
        Deadline deadline = (Deadline) state;
        deadline.input = parameters.getExecutionContext().getExecutionInput();
        if (deadline.expired) {
            deadline.input.cancel();
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((result, error) -> ((Deadline) state).timer.dispose());
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        return CompletableFuture.completedFuture(((Deadline) state).expired ? timedOut() : result);
    }

    private ExecutionResult timedOut() {
        String message = "The request ran past its deadline of " + timeout.toMillis() + " ms (lineage.graphql.request-timeout)"
                + " and was cancelled; ask for less (smaller pages, fewer levels) or retry later.";
        return ExecutionResult.newExecutionResult()
                .addError(LimitError.TIMEOUT.error(message, Map.of("limit", "lineage.graphql.request-timeout", "max", timeout.toMillis())))
                .build();
    }
}
