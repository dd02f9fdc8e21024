package dev.databuild.lineage.support;

import org.springframework.graphql.execution.ErrorType;

/** A GraphQL error with a classification clients can branch on: BAD_REQUEST or NOT_FOUND. */
public class ApiException extends RuntimeException {

    private final ErrorType type;
    private final String argument;

    private ApiException(ErrorType type, String argument, String message) {
        super(message);
        this.type = type;
        this.argument = argument;
    }

    /** A bad value for the named argument. */
    public static ApiException badArgument(String argument, String message) {
        return new ApiException(ErrorType.BAD_REQUEST, argument, "argument '" + argument + "': " + message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorType.NOT_FOUND, null, what + " was not found");
    }

    public ErrorType type() {
        return type;
    }

    public String argument() {
        return argument;
    }
}
