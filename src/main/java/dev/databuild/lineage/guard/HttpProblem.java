package dev.databuild.lineage.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request refused before it reaches GraphQL, and the JSON body it is answered with. On /graphql
 * the body has the shape of a GraphQL response ({@code errors} with a classification, no data), so
 * GraphQL clients can show it; on the REST API it has the shape of the API's other rejections.
 */
public final class HttpProblem extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpStatus status;
    private final String classification;
    private final HttpHeaders headers = new HttpHeaders();

    HttpProblem(HttpStatus status, String classification, String message) {
        super(message);
        this.status = status;
        this.classification = classification;
    }

    HttpProblem header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body of a refused GraphQL-over-HTTP request. */
    public byte[] graphQlBody() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("extensions", Map.of("classification", classification));
        return JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
    }

    /** The body of a refused REST request: status, error and reason. */
    public byte[] apiBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("reason", getMessage());
        return JSON.writeValueAsBytes(body);
    }
}
