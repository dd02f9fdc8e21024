package dev.databuild.lineage.ingest;

import dev.databuild.lineage.support.StatusHistory;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The event being applied: its id and time stamp every projection row, the batch state it changes,
 * and the refs whose canonical instance changed, which drive the follow-up of dep-miss waits and
 * want statuses. Only refs that went Live, Failed or UpstreamFailed (or were just reported missing)
 * can release waiting instances.
 */
final class EventContext {

    final BatchState state;
    final long eventId;
    final long at;
    final Set<String> changedRefs = new LinkedHashSet<>();
    final Set<String> releasingRefs = new HashSet<>();

    EventContext(BatchState state, long eventId, long at) {
        this.state = state;
        this.eventId = eventId;
        this.at = at;
    }

    /** The history with this event's status in it; refused, not truncated, past what its column holds. */
    String withStatus(String packed, String status, String kind, Object id) {
        String out = StatusHistory.append(packed, eventId, status, at);
        if (out.length() > StatusHistory.MAX_CHARS) {
            throw EventRejected.inapplicable("the status history of " + kind + " " + id + " would pass "
                    + StatusHistory.MAX_CHARS + " characters, the most its column holds");
        }
        return out;
    }
}
