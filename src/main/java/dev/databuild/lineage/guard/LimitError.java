package dev.databuild.lineage.guard;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifications of the errors a guard produces, in {@code extensions.classification}. Clients
 * can branch on them; the message says which limit, its configuration key, and what to change.
 */
public enum LimitError implements ErrorClassification {
    QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS, TIMEOUT, STATEMENT_TIMEOUT;

    /** A whole-request error; {@code details} go to the extensions after the classification. */
    GraphQLError error(String message, Map<String, Object> details) {
        return build(GraphqlErrorBuilder.newError(), message, details);
    }

    /** A field error at the field being fetched. */
    GraphQLError error(DataFetchingEnvironment env, String message, Map<String, Object> details) {
        return build(GraphqlErrorBuilder.newError(env), message, details);
    }

    private GraphQLError build(GraphqlErrorBuilder<?> builder, String message, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", name());
        extensions.putAll(details);
        return builder.errorType(this).message(message).extensions(extensions).build();
    }

    /** Stops the request before execution: graphql-java answers with these errors and no data. */
    AbortExecutionException reject(String what, String key, long max, long actual, String advice) {
        String message = what + " " + actual + " exceeds the limit of " + max + " (" + key + "). " + advice;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", key);
        details.put("max", max);
        details.put("actual", actual);
        return new AbortExecutionException(List.of(error(message, details)));
    }
}
