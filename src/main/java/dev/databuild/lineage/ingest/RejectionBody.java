package dev.databuild.lineage.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON error body every rejected request gets: what, where in the batch, and why. It is sent
 * with a Content-Length (not chunked) so a client still sending an oversized body can read it
 * before the server closes the connection.
 */
public final class RejectionBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RejectionBody() {
    }

    public static ResponseEntity<byte[]> of(EventRejected ex) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ex.status().value());
        body.put("error", ex.status().getReasonPhrase());
        if (ex.index() >= 0) {
            body.put("index", ex.index());
            body.put("eventId", ex.eventId());
        }
        body.put("reason", ex.getMessage());
        body.put("applied", 0);
        byte[] bytes = JSON.writeValueAsBytes(body);
        var response = ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).contentLength(bytes.length);
        if (ex.status() == HttpStatus.CONTENT_TOO_LARGE) {
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(bytes);
    }
}
