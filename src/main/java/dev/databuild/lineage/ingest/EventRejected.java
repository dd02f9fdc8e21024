package dev.databuild.lineage.ingest;

import org.springframework.http.HttpStatus;

/**
 * An event that cannot be accepted. The whole batch it came in is rolled back; the HTTP status says
 * whether it was malformed (400), conflicts with the log (409) or does not apply to the state (422).
 */
public class EventRejected extends RuntimeException {

    private final HttpStatus status;
    private final int index;
    private final long eventId;

    public EventRejected(HttpStatus status, String reason) {
        this(status, -1, 0, reason);
    }

    public EventRejected(HttpStatus status, int index, long eventId, String reason) {
        super(reason);
        this.status = status;
        this.index = index;
        this.eventId = eventId;
    }

    public static EventRejected malformed(String reason) {
        return new EventRejected(HttpStatus.BAD_REQUEST, reason);
    }

    public static EventRejected conflict(String reason) {
        return new EventRejected(HttpStatus.CONFLICT, reason);
    }

    public static EventRejected inapplicable(String reason) {
        return new EventRejected(HttpStatus.UNPROCESSABLE_CONTENT, reason);
    }

    /** The same rejection, placed at the event of the batch it concerns. */
    public EventRejected at(int index, long eventId) {
        return new EventRejected(status, index, eventId, getMessage());
    }

    public HttpStatus status() {
        return status;
    }

    public int index() {
        return index;
    }

    public long eventId() {
        return eventId;
    }
}
