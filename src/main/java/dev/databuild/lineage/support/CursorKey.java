package dev.databuild.lineage.support;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What a connection's cursors hold: its sort key, part by part. A field checks its cursor before it
 * joins a batch, so a bad cursor fails that field alone, not every parent in the batch. The same
 * cursor seeks either way: as {@code after} or as {@code before}.
 */
public enum CursorKey {
    /** created_event_id or buffered_event_id: unique per want or run. */
    EVENT_ID(Part.LONG),
    /** created_event_id then UUID: instances minted by one event tie on the first part. */
    EVENT_ID_AND_UUID(Part.LONG, Part.UUID),
    /** An event id then a string id, e.g. (run_read.event_id, job_run_id). */
    EVENT_ID_AND_ID(Part.LONG, Part.STRING),
    REF_AND_UUID(Part.STRING, Part.UUID),
    REF(Part.STRING);

    private enum Part { LONG, UUID, STRING }

    private final List<Part> parts;

    CursorKey(Part... parts) {
        this.parts = List.of(parts);
    }

    /**
     * The page of {@code parent} the field asks for through the named connection loader, once the
     * cursor checks out. The page arguments (first/after, and last/before where the schema has
     * them) are read off the environment: Spring's {@code @Argument} ran its data binder for each
     * of them on every call, 4% of a 1,000-run page's time in its {@code wrote} fields.
     */
    public <K, T> CompletableFuture<Connection<T>> page(DataFetchingEnvironment env, String loader, K parent, int maxPageSize) {
        PageArgs checked = PageArgs.requested(env, maxPageSize);
        if (checked.cursor() != null) {
            seek(checked.cursorArgument(), checked.cursor());
        }
        return Loaders.page(env, loader, parent, checked);
    }

    /** The decoded cursor of {@code page}, or null when it has none. */
    public Seek seek(PageArgs page) {
        return page.cursor() == null ? null : seek(page.cursorArgument(), page.cursor());
    }

    /** The decoded cursor; a BAD_REQUEST naming {@code argument} unless every part parses. */
    public Seek seek(String argument, String cursor) {
        List<String> values = Cursor.decode(argument, cursor, parts.size());
        Object[] typed = new Object[values.size()];
        for (int i = 0; i < typed.length; i++) {
            typed[i] = switch (parts.get(i)) {
                case LONG -> Cursor.longPart(argument, cursor, values.get(i));
                case UUID -> uuid(argument, cursor, values.get(i));
                case STRING -> values.get(i);
            };
        }
        return new Seek(List.of(typed));
    }

    private static UUID uuid(String argument, String cursor, String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badArgument(argument, "'" + cursor + "' is not a cursor of this connection");
        }
    }

    /** A decoded cursor: the sort key to seek past. */
    public record Seek(List<Object> parts) {

        public long longAt(int i) {
            return (Long) parts.get(i);
        }

        public UUID uuidAt(int i) {
            return (UUID) parts.get(i);
        }

        public String stringAt(int i) {
            return (String) parts.get(i);
        }
    }
}
