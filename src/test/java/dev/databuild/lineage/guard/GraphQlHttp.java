package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL over plain HTTP, for tests where the status code, media type and headers matter. */
final class GraphQlHttp {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    record Reply(int status, String contentType, JsonNode body, Http.Response raw) {

        String header(String name) {
            return raw.raw().headers().firstValue(name).orElse(null);
        }

        JsonNode error() {
            return body.path("errors").path(0);
        }

        String classification() {
            return error().path("extensions").path("classification").asString();
        }
    }

    private GraphQlHttp() {
    }

    static Reply post(int port, String accept, String query, String... headers) {
        return post(port, accept, query, Map.of(), headers);
    }

    static Reply post(int port, String accept, String query, Map<String, Object> variables, String... headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return postRaw(port, JSON, MAPPER.writeValueAsBytes(body), withAccept(accept, headers));
    }

    static Reply postRaw(int port, String contentType, byte[] body, String... headers) {
        return reply(Http.post(port, "/graphql", contentType, body, headers));
    }

    static Reply get(int port, Map<String, String> params, String accept, String... headers) {
        StringBuilder url = new StringBuilder("/graphql?");
        params.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return reply(Http.get(port, url.toString(), withAccept(accept, headers)));
    }

    static String json(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    private static String[] withAccept(String accept, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (accept != null) {
            all.add("Accept");
            all.add(accept);
        }
        return all.toArray(String[]::new);
    }

    static Reply reply(Http.Response response) {
        String type = response.raw().headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.contains("json") && !response.body().isEmpty() ? MAPPER.readTree(response.body()) : MAPPER.missingNode();
        return new Reply(response.status(), type, body, response);
    }
}
