package dev.databuild.lineage.ingest;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The event being applied: its id and time stamp every projection row, and the refs whose canonical
 * instance changed, which drive the follow-up of dep-miss waits and want statuses.
 */
final class EventContext {

    final long eventId;
    final long at;
    final Set<String> changedRefs = new LinkedHashSet<>();

    EventContext(long eventId, long at) {
        this.eventId = eventId;
        this.at = at;
    }
}
