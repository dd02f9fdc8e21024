package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A status history packed into its entity's row: {@code event_id,STATUS,at} entries, oldest first,
 * joined by {@code ;}. The row is rewritten on every status change anyway, so keeping the history
 * there costs a few bytes instead of an insert and its index entries (migration V2).
 */
public final class StatusHistory {

    public static final String EMPTY = "";
    /** The longest history a row holds: its column is VARCHAR(1000000) (migration V2). */
    public static final int MAX_CHARS = 1_000_000;

    private StatusHistory() {
    }

    /** How a reader builds its own change type: status, epoch millis, event id. */
    @FunctionalInterface
    public interface Change<T> {
        T of(String status, long at, long eventId);
    }

    /**
     * The history with one more change. A second change by the same event replaces the first:
     * one entry per entity and event, as the log says what each event left behind.
     */
    public static String append(String packed, long eventId, String status, long at) {
        String entry = eventId + "," + status + "," + at;
        if (packed.isEmpty()) {
            return entry;
        }
        int start = packed.lastIndexOf(';') + 1;
        if (Long.parseLong(packed, start, packed.indexOf(',', start), 10) == eventId) {
            return packed.substring(0, start) + entry;
        }
        return packed + ";" + entry;
    }

    /** The column of a row read whole: a reader that left it out is a bug, not an empty history. */
    public static String of(String packed, String type) {
        if (packed == null) {
            throw new IllegalStateException("a " + type + " row was read without its status_history column");
        }
        return packed;
    }

    public static <T> List<T> parse(String packed, Change<T> change) {
        List<T> out = new ArrayList<>();
        int start = 0;
        while (start < packed.length()) {
            int end = packed.indexOf(';', start);
            if (end < 0) {
                end = packed.length();
            }
            int a = packed.indexOf(',', start);
            int b = packed.indexOf(',', a + 1);
            out.add(change.of(packed.substring(a + 1, b), Long.parseLong(packed, b + 1, end, 10),
                    Long.parseLong(packed, start, a, 10)));
            start = end + 1;
        }
        return out;
    }
}
