package dev.databuild.lineage.support;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Turns {@link ApiException}s into classified GraphQL errors; the field's value becomes null. */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Throwable cause = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof ApiException api) {
            var error = GraphqlErrorBuilder.newError(env).errorType(api.type()).message(api.getMessage());
            if (api.argument() != null) {
                error.extensions(Map.of("classification", api.type().name(), "argument", api.argument()));
            }
            return error.build();
        }
        return null;
    }
}
