package dev.databuild.lineage.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Per-parent keyset pages through {@link ParentPages}: every branch carries its parent's key and its
 * total count as columns, so a batch of pages and their counts is one statement. Root connections
 * use it with a single parent, "".
 */
public final class KeysetPages {

    public static final Field<String> PARENT = DSL.field(DSL.name("parent_key"), String.class);
    public static final Field<Integer> TOTAL = DSL.field(DSL.name("total_count"), Integer.class);

    /** One parent's page: {@code keys.seek} past the cursor, {@code keys.order} by the sort key, limit. */
    @FunctionalInterface
    public interface Branch {
        Select<Record> of(String parent, Keyset keys, int limit);
    }

    /**
     * Where a page starts and which way it reads. A backward page (last/before) is the same seek with
     * the comparison and the ORDER BY reversed; {@link Connection#of} turns its rows back around.
     *
     * @param cursor   the decoded cursor, or null to read from the start (or, backward, the end)
     * @param backward whether to read toward the start of the connection's order
     */
    public record Keyset(CursorKey.Seek cursor, boolean backward) {

        public static final Keyset START = new Keyset(null, false);

        public static Keyset of(PageArgs page, CursorKey key) {
            return new Keyset(key.seek(page), page.backward());
        }

        /** For a connection ordered by its sort key descending (newest first): the reading is flipped. */
        public Keyset descending() {
            return new Keyset(cursor, !backward);
        }

        /** Rows strictly past the cursor in the reading direction, by the sort key in cursor order. */
        @SuppressWarnings("unchecked")
        public Condition seek(Field<?>... sortKey) {
            if (cursor == null) {
                return DSL.noCondition();
            }
            Object[] values = cursor.parts().toArray();
            if (sortKey.length == 1) {
                Field<Object> f = (Field<Object>) sortKey[0];
                return backward ? f.lt(values[0]) : f.gt(values[0]);
            }
            return backward ? DSL.row(sortKey).lt(values) : DSL.row(sortKey).gt(values);
        }

        public SortField<?>[] order(Field<?>... sortKey) {
            return Arrays.stream(sortKey).map(f -> backward ? f.desc() : f.asc()).toArray(SortField<?>[]::new);
        }
    }

    private KeysetPages() {
    }

    /**
     * The parent column of a branch, bound as a string parameter, which types UNION ALL branches
     * alike on both databases. Inlined, each parent made a new statement text that H2 and
     * PostgreSQL parsed and planned anew ({@code StatementTextTest}).
     */
    public static Field<String> parent(String key) {
        return DSL.val(key).as(PARENT);
    }

    /** The total-count column of a branch: a scalar subquery over the parent's whole relation. */
    public static Field<Integer> total(Select<? extends Record1<Integer>> count) {
        return DSL.field(count).as(TOTAL);
    }

    public static <T> Map<String, Connection<T>> fetch(DSLContext db, Collection<String> parents, PageArgs page, CursorKey key,
                                                       Branch branch, Function<Record, T> map, Function<T, String> cursor) {
        return fetch(db, parents, page, key, branch, null, map, cursor);
    }

    /**
     * The relation of a connection read for many parents at once ({@link BatchPages}), ordered by
     * {@code sortKey} like its {@link Branch}.
     */
    public record Batched(Relation<String> relation, Field<?>... sortKey) {
    }

    /** A batch of more than one parent is read by {@code batched} in one statement, a single parent by its {@code branch}. */
    public static <T> Map<String, Connection<T>> fetch(DSLContext db, Collection<String> parents, PageArgs page, CursorKey key,
                                                       Branch branch, Batched batched, Function<Record, T> map,
                                                       Function<T, String> cursor) {
        Keyset keys = Keyset.of(page, key);
        List<String> parentKeys = List.copyOf(parents);
        Map<String, List<Record>> rows;
        Map<String, Integer> totals = new HashMap<>();
        if (batched != null && parentKeys.size() > 1) {
            BatchPages.Batch<String> batch = BatchPages.fetch(db, parentKeys, page.limit(), batched.relation(),
                    keys.seek(batched.sortKey()), keys.backward(), batched.sortKey());
            rows = batch.rows();
            totals.putAll(batch.totals());
        } else {
            List<?> shape = batched == null ? null
                    : batched.relation().pageShape(KeysetPages.class, keys.cursor() == null, page.limit(), keys.backward());
            rows = Loaders.group(ParentPages.fetch(db, parentKeys, p -> branch.of(p, keys, page.limit()), shape, String.class),
                    r -> r.get(PARENT));
            rows.forEach((p, rs) -> totals.put(p, rs.get(0).get(TOTAL)));
            // A page is empty only when nothing lies past the seek: without a cursor that means no
            // children (count 0); past a cursor at either end, the count left with the rows, so, only
            // in that rare case, one more statement fetches those parents' first rows just for their counts.
            List<String> uncounted = keys.cursor() == null ? List.of()
                    : parentKeys.stream().filter(p -> !totals.containsKey(p)).toList();
            if (!uncounted.isEmpty()) {
                ParentPages.fetch(db, uncounted, p -> branch.of(p, Keyset.START, 1)).forEach(r -> totals.put(r.get(PARENT), r.get(TOTAL)));
            }
        }
        Map<String, Connection<T>> out = new HashMap<>();
        for (String p : parentKeys) {
            List<T> nodes = rows.getOrDefault(p, List.of()).stream().map(map).toList();
            out.put(p, Connection.of(nodes, page, cursor, totals.getOrDefault(p, 0)));
        }
        return out;
    }
}
