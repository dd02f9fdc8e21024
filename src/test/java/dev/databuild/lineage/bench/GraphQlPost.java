package dev.databuild.lineage.bench;

import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A raw HTTP GraphQL POST, as any client sends it; fails loudly on errors so timings stay honest.
 * Sent over one kept-alive connection per server and thread ({@link RawHttp}), so a timing is the
 * server's and the loopback's, not a client library's.
 */
final class GraphQlPost {

    private static final ThreadLocal<Map<Integer, RawHttp>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);

    private GraphQlPost() {
    }

    /** A document under src/test/resources: {@code graphql-test/<name>.graphql}, or a path with a slash. */
    static String document(String name) {
        String path = name.contains("/") ? "/" + name : "/graphql-test/" + name + ".graphql";
        try (InputStream in = GraphQlPost.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String body(String document, Map<String, Object> variables) {
        String vars = variables.entrySet().stream()
                .map(e -> json(e.getKey()) + ":" + (e.getValue() instanceof Number ? e.getValue() : json(String.valueOf(e.getValue()))))
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"query\":" + json(document) + ",\"variables\":" + vars + "}";
    }

    static String post(int port, String body) {
        Http.Response r = CONNECTIONS.get().computeIfAbsent(port, RawHttp::new)
                .post("/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8));
        if (r.status() != 200 || r.body().contains("\"errors\"")) {
            throw new IllegalStateException("GraphQL request failed: " + r.status() + " " + r.body());
        }
        return r.body();
    }

    /** Closes this thread's connections, e.g. once the servers they reach are stopped. */
    static void closeConnections() {
        CONNECTIONS.get().values().forEach(RawHttp::close);
        CONNECTIONS.get().clear();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
