package dev.databuild.lineage.want;

import dev.databuild.lineage.support.EventSource;

/** How a want was canceled; {@code at} is epoch millis. */
public record WantCancellation(long at, long eventId, String comment, EventSource source) {

    /** The cancellation recorded on the want; null while it is not canceled. */
    static WantCancellation of(Want w) {
        if (w.canceledEventId() == null) {
            return null;
        }
        return new WantCancellation(w.canceledAt(), w.canceledEventId(), w.cancelComment(),
                new EventSource(w.cancelSourceKind(), w.cancelSourceUser(), w.cancelSourceRunId()));
    }
}
