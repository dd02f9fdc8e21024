package dev.databuild.lineage.guard;

import graphql.execution.ExecutionContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Spring's graphql.request observation (a timer per outcome and operation type) with the operation
 * name as a low-cardinality tag, so latency is reported per operation. The name is the one in the
 * document, not only an operationName parameter, bounded by {@link OperationNameTags}.
 */
@Component
class OperationNameConvention extends DefaultExecutionRequestObservationConvention {

    static final String OPERATION_NAME = "graphql.operation.name";

    private final OperationNameTags tags;

    OperationNameConvention(OperationNameTags tags) {
        this.tags = tags;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(OPERATION_NAME, tags.tag(documentOperationName(context))));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return KeyValues.of(executionId(context));
    }

    private static String documentOperationName(ExecutionRequestObservationContext context) {
        ExecutionContext execution = context.getExecutionContext();
        if (execution != null && execution.getOperationDefinition() != null && execution.getOperationDefinition().getName() != null) {
            return execution.getOperationDefinition().getName();
        }
        String known = context.getExecutionInput().getGraphQLContext().get(OperationNameTags.CONTEXT_KEY);
        return known != null ? known : context.getExecutionInput().getOperationName();
    }
}
