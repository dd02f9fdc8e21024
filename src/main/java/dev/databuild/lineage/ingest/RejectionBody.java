package dev.databuild.lineage.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The JSON error body every rejected request gets: what, where in the batch, and why. */
public final class RejectionBody {

    private RejectionBody() {
    }

    public static ResponseEntity<Map<String, Object>> of(EventRejected ex) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ex.status().value());
        body.put("error", ex.status().getReasonPhrase());
        if (ex.index() >= 0) {
            body.put("index", ex.index());
            body.put("eventId", ex.eventId());
        }
        body.put("reason", ex.getMessage());
        body.put("applied", 0);
        return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
