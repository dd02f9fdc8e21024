package dev.databuild.lineage.support;

import dev.databuild.lineage.support.ApiException;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.PageArgs;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What a connection's cursors hold: its sort key, part by part. A field checks its {@code after}
 * before it joins a batch, so a bad cursor fails that field alone, not every parent in the batch.
 */
public enum CursorKey {
    /** created_event_id or buffered_event_id: unique per want or run. */
    EVENT_ID(Part.LONG),
    /** created_event_id then UUID: instances minted by one event tie on the first part. */
    EVENT_ID_AND_UUID(Part.LONG, Part.UUID),
    REF_AND_UUID(Part.STRING, Part.UUID),
    REF(Part.STRING);

    private enum Part { LONG, UUID, STRING }

    private final List<Part> parts;

    CursorKey(Part... parts) {
        this.parts = List.of(parts);
    }

    /** The page of {@code parent} through the named connection loader, once the cursor checks out. */
    public <T> CompletableFuture<Connection<T>> page(DataFetchingEnvironment env, String loader, String parent,
                                                     Integer first, String after, int maxPageSize) {
        PageArgs checked = PageArgs.of(first, after, maxPageSize);
        if (checked.after() != null) {
            seek(checked.after());
        }
        return Loaders.page(env, loader, parent, first, after, maxPageSize);
    }

    /** The decoded cursor; a BAD_REQUEST naming 'after' unless every part parses. */
    public Seek seek(String cursor) {
        List<String> values = Cursor.decode("after", cursor, parts.size());
        Object[] typed = new Object[values.size()];
        for (int i = 0; i < typed.length; i++) {
            typed[i] = switch (parts.get(i)) {
                case LONG -> Cursor.longPart("after", cursor, values.get(i));
                case UUID -> uuid(cursor, values.get(i));
                case STRING -> values.get(i);
            };
        }
        return new Seek(List.of(typed));
    }

    private static UUID uuid(String cursor, String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badArgument("after", "'" + cursor + "' is not a cursor of this connection");
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
