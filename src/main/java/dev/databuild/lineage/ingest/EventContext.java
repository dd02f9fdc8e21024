package dev.databuild.lineage.ingest;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The event being applied: its id and time stamp every projection row, and the refs whose canonical
 * instance changed, which drive the follow-up of dep-miss waits and want statuses. Only refs that
 * went Live, Failed or UpstreamFailed (or were just reported missing) can release waiting instances.
 */
final class EventContext {

    final long eventId;
    final long at;
    final Set<String> changedRefs = new LinkedHashSet<>();
    final Set<String> releasingRefs = new HashSet<>();
    /** Status-history rows already written by this event: a second change of it updates the row. */
    final Set<Object> historyWritten = new HashSet<>();

    EventContext(long eventId, long at) {
        this.eventId = eventId;
        this.at = at;
    }
}
