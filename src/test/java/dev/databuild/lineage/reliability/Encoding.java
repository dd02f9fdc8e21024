package dev.databuild.lineage.reliability;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three ways to post a batch, and reading the service's JSON answers. */
enum Encoding {
    PROTOBUF("application/x-protobuf"), JSON("application/json"), NDJSON("application/x-ndjson");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    final String contentType;

    Encoding(String contentType) {
        this.contentType = contentType;
    }

    byte[] encode(List<DataBuildEvent> events) {
        return switch (this) {
            case PROTOBUF -> Http.delimited(events);
            case JSON -> utf8("[" + String.join(",", events.stream().map(HostileBodies::jsonEvent).toList()) + "]");
            case NDJSON -> utf8(String.join("\n", events.stream().map(HostileBodies::jsonEvent).toList()));
        };
    }

    /**
     * UTF-8 has no form for an unpaired surrogate (the encoder writes '?'); JSON can still carry one
     * as an escape, as a sloppy client would send it.
     */
    private static byte[] utf8(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    Http.Response post(int port, byte[] body) {
        return Http.post(port, "/api/events", contentType, body);
    }

    /** The answer's JSON body; a test failure (not an exception of its own) when it is not JSON. */
    static JsonNode answer(Http.Response r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (RuntimeException ex) {
            throw new AssertionError("status " + r.status() + " with a body that is not JSON: " + r.body(), ex);
        }
    }
}
