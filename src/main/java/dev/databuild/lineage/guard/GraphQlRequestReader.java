package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import graphql.GraphQLException;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the GraphQL-over-HTTP request parameters (query, operationName, variables, extensions) from
 * a POST body or a GET query string, and refuses what is not a well-formed request with the status
 * the GraphQL-over-HTTP spec names: 400, 405 (a mutation over GET), 413, 415.
 */
@Component
class GraphQlRequestReader {

    private final ObjectReader json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()
            .readerFor(Map.class);
    private final long maxBytes;

    GraphQlRequestReader(GraphQlLimits limits) {
        this.maxBytes = limits.maxRequestSize().toBytes();
    }

    Map<String, Object> fromBody(ServerRequest request) throws IOException {
        String contentType = request.headers().firstHeader("Content-Type");
        if (contentType == null || !isJson(contentType)) {
            throw new HttpProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Content-Type " + contentType
                    + " is not accepted; send the request as application/json").header("Accept", "application/json");
        }
        byte[] body;
        try (InputStream in = request.servletRequest().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw new HttpProblem(HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE", "The request body is larger than "
                    + maxBytes + " bytes (lineage.graphql.max-request-size)");
        }
        try {
            return checked(json.readValue(body));
        } catch (JacksonException ex) {
            throw badRequest("The body is not a JSON object: " + ex.getOriginalMessage());
        }
    }

    Map<String, Object> fromQueryString(ServerRequest request) {
        Map<String, Object> params = new HashMap<>();
        request.param("query").ifPresent(q -> params.put("query", q));
        request.param("operationName").filter(n -> !n.isEmpty()).ifPresent(n -> params.put("operationName", n));
        request.param("variables").ifPresent(v -> params.put("variables", parameterJson("variables", v)));
        request.param("extensions").ifPresent(e -> params.put("extensions", parameterJson("extensions", e)));
        Map<String, Object> checked = checked(params);
        if (!isQuery((String) checked.get("query"), (String) checked.get("operationName"))) {
            throw new HttpProblem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "Only queries may be sent with GET; send mutations with POST").header("Allow", "POST");
        }
        return checked;
    }

    private Object parameterJson(String name, String value) {
        try {
            return json.readValue(value);
        } catch (JacksonException ex) {
            throw badRequest("'" + name + "' must be a JSON object: " + ex.getOriginalMessage());
        }
    }

    private static Map<String, Object> checked(Map<String, Object> params) {
        if (params == null) {
            throw badRequest("The body must be a JSON object with a 'query'");
        }
        if (!(params.get("query") instanceof String query) || query.isBlank()) {
            throw badRequest("The request has no 'query' string");
        }
        requireType(params, "operationName", String.class, "a string");
        requireType(params, "variables", Map.class, "an object");
        requireType(params, "extensions", Map.class, "an object");
        return params;
    }

    private static void requireType(Map<String, Object> params, String name, Class<?> type, String what) {
        Object value = params.get(name);
        if (value != null && !type.isInstance(value)) {
            throw badRequest("'" + name + "' must be " + what);
        }
    }

    /** False for a mutation or subscription; a document that does not parse is left to GraphQL to report. */
    private static boolean isQuery(String query, String operationName) {
        List<OperationDefinition> operations;
        try {
            operations = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class);
        } catch (GraphQLException ex) {
            return true;
        }
        return operations.stream()
                .filter(op -> operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
                .noneMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    private static HttpProblem badRequest(String message) {
        return new HttpProblem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
    }
}
