package dev.databuild.lineage.support;

import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.support.ParentPages;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Per-parent keyset pages through {@link ParentPages}: every branch carries its parent's key and its
 * total count as columns, so a batch of pages and their counts is one statement. Root connections
 * use it with a single parent, "".
 */
public final class KeysetPages {

    public static final Field<String> PARENT = DSL.field(DSL.name("parent_key"), String.class);
    public static final Field<Integer> TOTAL = DSL.field(DSL.name("total_count"), Integer.class);

    /** One parent's page: seek past {@code after} (null: from the start), order by the key, limit. */
    @FunctionalInterface
    public interface Branch {
        Select<Record> of(String parent, CursorKey.Seek after, int limit);
    }

    private KeysetPages() {
    }

    /** The parent column of a branch, inlined so UNION ALL branches type it alike on every database. */
    public static Field<String> parent(String key) {
        return DSL.inline(key).as(PARENT);
    }

    /** The total-count column of a branch: a scalar subquery over the parent's whole relation. */
    public static Field<Integer> total(Select<? extends Record1<Integer>> count) {
        return DSL.field(count).as(TOTAL);
    }

    public static <T> Map<String, Connection<T>> fetch(DSLContext db, Collection<String> parents, PageArgs page, CursorKey key,
                                                       Branch branch, Function<Record, T> map, Function<T, String> cursor) {
        CursorKey.Seek after = page.after() == null ? null : key.seek(page.after());
        List<String> keys = List.copyOf(parents);
        Map<String, List<Record>> rows = Loaders.group(
                ParentPages.fetch(db, keys, p -> branch.of(p, after, page.first() + 1)), r -> r.get(PARENT));
        Map<String, Integer> totals = new HashMap<>();
        rows.forEach((p, rs) -> totals.put(p, rs.get(0).get(TOTAL)));
        // A page is empty only when nothing follows the seek: without a cursor that means no children
        // (count 0); after a cursor past the end, the count left with the rows, so, only in that rare
        // case, one more statement fetches those parents' first rows just for their counts.
        List<String> uncounted = after == null ? List.of() : keys.stream().filter(p -> !rows.containsKey(p)).toList();
        if (!uncounted.isEmpty()) {
            ParentPages.fetch(db, uncounted, p -> branch.of(p, null, 1)).forEach(r -> totals.put(r.get(PARENT), r.get(TOTAL)));
        }
        Map<String, Connection<T>> out = new HashMap<>();
        for (String p : keys) {
            List<T> nodes = rows.getOrDefault(p, List.of()).stream().map(map).toList();
            out.put(p, Connection.of(nodes, page, cursor, totals.getOrDefault(p, 0)));
        }
        return out;
    }
}
