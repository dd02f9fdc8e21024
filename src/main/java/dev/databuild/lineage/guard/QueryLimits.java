package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rejects an operation over a limit after validation and before execution, so no resolver (and no
 * SQL) runs for it. The answer has errors and no data: 400 with application/graphql-response+json,
 * like any other request error.
 */
@Component
@Order(0)
class QueryLimits extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;
    private final PricedOperations priced;

    QueryLimits(GraphQlLimits limits, @Value("${lineage.graphql.document-cache-size:500}") int documents) {
        this.limits = limits;
        this.priced = new PricedOperations(documents);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        QueryCost cost = priced.cost(execution, () -> QueryCost.of(normalized(execution), execution.getGraphQLSchema(), limits));
        execution.getGraphQLContext().put(QueryCost.class, cost);
        check(cost);
        return SimpleInstrumentationContext.noOp();
    }

    /** How many operations were priced rather than found priced: for tests. */
    long pricings() {
        return priced.pricings();
    }

    private static ExecutableNormalizedOperation normalized(ExecutionContext execution) {
        try {
            return execution.getNormalizedQueryTree().get();
        } catch (AbortExecutionException tooManyFields) {
            // graphql-java stops expanding fragments past 100,000 fields: a fragment bomb
            throw new AbortExecutionException(List.of(LimitError.QUERY_TOO_COMPLEX.error("The operation expands to more than "
                    + ExecutableNormalizedOperationFactory.Options.DEFAULT_MAX_FIELDS_COUNT + " fields once its fragments are"
                    + " spread (graphql-java's limit); select less or nest fewer fragments.",
                    Map.of("limit", "normalized-fields", "max", ExecutableNormalizedOperationFactory.Options.DEFAULT_MAX_FIELDS_COUNT))));
        }
    }

    private void check(QueryCost cost) {
        if (cost.aliases() > limits.maxAliases()) {
            throw LimitError.TOO_MANY_ALIASES.reject("Alias count", "lineage.graphql.max-aliases",
                    limits.maxAliases(), cost.aliases(), "Fetch many objects with Query.nodes(ids:) or a connection instead of one alias each.");
        }
        if (cost.rootFields() > limits.maxRootFields()) {
            throw LimitError.TOO_MANY_ROOT_FIELDS.reject("Root field count", "lineage.graphql.max-root-fields",
                    limits.maxRootFields(), cost.rootFields(), "Split the operation into several requests.");
        }
        if (cost.depth() > limits.maxDepth()) {
            throw LimitError.QUERY_TOO_DEEP.reject("Query depth", "lineage.graphql.max-depth",
                    limits.maxDepth(), cost.depth(), "Select fewer nested levels and continue deeper with node(id:) from the last level.");
        }
        if (cost.complexity() > limits.maxComplexity()) {
            throw LimitError.QUERY_TOO_COMPLEX.reject("Query cost", "lineage.graphql.max-complexity",
                    limits.maxComplexity(), cost.complexity(), "A connection costs its 'first' (default 20) times what is selected"
                            + " in it; ask for smaller pages and follow pageInfo.endCursor with 'after'.");
        }
    }
}
