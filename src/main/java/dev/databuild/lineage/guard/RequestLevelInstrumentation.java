package dev.databuild.lineage.guard;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every instrumentation bean (the guards, Spring's observation) as one link that forwards the
 * request-level hooks and the data fetcher wrapping, and no per-field hook. graphql-java calls every link of its
 * chain for each field it fetches and completes, even links that ignore fields: four links cost a
 * 1,000-node page about 14% of its time. A member that needs a per-field hook is refused at start-up
 * rather than silently skipped.
 */
class RequestLevelInstrumentation extends SimplePerformantInstrumentation {

    /** Hooks graphql-java calls per field or per strategy call, which this link does not forward. */
    static final Set<String> PER_FIELD = Set.of("beginFieldFetch", "beginFieldFetching", "beginFieldExecution",
            "beginFieldCompletion", "beginFieldListCompletion", "beginExecutionStrategy", "beginExecuteObject",
            "beginDeferredField", "beginSubscribedFieldEvent", "beginReactiveResults");

    private final ChainedInstrumentation members;

    RequestLevelInstrumentation(List<Instrumentation> members) {
        members.forEach(RequestLevelInstrumentation::requireRequestLevel);
        this.members = new ChainedInstrumentation(members);
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        /** Runs after Spring has set its chain of the same beans, and replaces it. */
        @Bean
        GraphQlSourceBuilderCustomizer requestLevelInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
            return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(
                    new RequestLevelInstrumentation(instrumentations.orderedStream().toList())));
        }
    }

    static void requireRequestLevel(Instrumentation member) {
        for (Method m : member.getClass().getMethods()) {
            Class<?> declaring = m.getDeclaringClass();
            if (PER_FIELD.contains(m.getName()) && declaring != SimplePerformantInstrumentation.class && declaring != Instrumentation.class) {
                throw new IllegalStateException(member.getClass().getName() + " overrides " + m.getName()
                        + ", a per-field hook RequestLevelInstrumentation does not forward");
            }
        }
    }

    List<Instrumentation> members() {
        return members.getInstrumentations();
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return members.createStateAsync(parameters);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        return members.instrumentExecutionInput(input, parameters, state);
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return members.beginParse(parameters, state);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return members.beginValidation(parameters, state);
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                                                               InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return members.instrumentDocumentAndVariables(documentAndVariables, parameters, state);
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return members.instrumentSchema(schema, parameters, state);
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return members.instrumentExecutionContext(context, parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        return members.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        return members.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return members.instrumentDataFetcher(fetcher, parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        return members.instrumentExecutionResult(result, parameters, state);
    }
}
