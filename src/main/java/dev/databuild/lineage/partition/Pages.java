package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.ApiException;
import dev.databuild.lineage.support.BatchPages;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.support.ParentPages;
import dev.databuild.lineage.support.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;

/** Puts the rows of a {@code ParentPages} statement back together as one connection per parent. */
public final class Pages {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** One fetched row: the node, its cursor, and the parent's total as the same statement counted it. */
    public record Hit<T>(T node, String cursor, int total) {
    }

    private Pages() {
    }

    /**
     * Totals come with the rows, so a parent whose page is empty has lost its count. That is 0 unless
     * a cursor was given (a page past either end); only then {@code recount} runs, as a second
     * statement for just those parents.
     */
    public static <K, T> Map<K, Connection<T>> assemble(Collection<K> parents, PageArgs page, Map<K, List<Hit<T>>> hits,
                                                        Function<List<K>, Map<K, Integer>> recount) {
        return assemble(parents, page, hits, Map.of(), recount);
    }

    /** Same, where {@code known} holds the totals a batch statement already counted, rows or not. */
    public static <K, T> Map<K, Connection<T>> assemble(Collection<K> parents, PageArgs page, Map<K, List<Hit<T>>> hits,
                                                        Map<K, Integer> known, Function<List<K>, Map<K, Integer>> recount) {
        Map<K, Connection<T>> out = new LinkedHashMap<>();
        List<K> lost = new ArrayList<>();
        for (K parent : parents) {
            List<Hit<T>> rows = hits.getOrDefault(parent, List.of());
            if (known.containsKey(parent)) {
                out.put(parent, connection(rows, page, known.get(parent)));
            } else if (rows.isEmpty() && page.cursor() != null) {
                lost.add(parent);
            } else {
                out.put(parent, connection(rows, page, rows.isEmpty() ? 0 : rows.get(0).total()));
            }
        }
        if (!lost.isEmpty()) {
            Map<K, Integer> totals = recount.apply(lost);
            lost.forEach(p -> out.put(p, connection(List.of(), page, totals.getOrDefault(p, 0))));
        }
        return out;
    }

    /**
     * Pages of many parents: one {@link BatchPages} statement for all of them, or for a lone parent
     * its {@code branch} seek, which counts it too. Each row's total is filled in from where it was
     * counted.
     *
     * @param branch one parent's page with the parent key as {@link PartitionQueries#PARENT} and its
     *               total as {@link PartitionQueries#TOTAL}
     */
    public static <K, T> Map<K, Connection<T>> batched(DSLContext db, Collection<K> parents, PageArgs page,
                                                       Relation<K> relation, Condition seek, boolean descending,
                                                       Field<?>[] sortKey, Function<K, Select<Record>> branch,
                                                       Function<Record, Hit<T>> hit, Function<List<K>, Map<K, Integer>> recount) {
        if (parents.size() > 1) {
            var batch = BatchPages.fetch(db, parents, page.limit(), relation, seek, descending, sortKey);
            Map<K, List<Hit<T>>> hits = new HashMap<>();
            // the totals go to assemble as counted; the hits need none of their own
            batch.rows().forEach((p, rows) -> hits.put(p, rows.stream().map(hit).toList()));
            return assemble(parents, page, hits, batch.totals(), recount);
        }
        Class<K> type = relation.parent().getType();
        List<?> shape = relation.pageShape(Pages.class, page.cursor() == null, page.limit(), descending);
        var hits = group(ParentPages.fetch(db, List.copyOf(parents), branch, shape, type), r -> r.get(PartitionQueries.PARENT, type),
                r -> withTotal(hit.apply(r), r.get(PartitionQueries.TOTAL, Integer.class)));
        return assemble(parents, page, hits, recount);
    }

    private static <T> Hit<T> withTotal(Hit<T> hit, int total) {
        return new Hit<>(hit.node(), hit.cursor(), total);
    }

    /** For relations whose total is a counter column of the parent itself. */
    public static <K, T> Map<K, Connection<T>> assembleCounted(Collection<K> parents, PageArgs page, Map<K, List<Hit<T>>> hits,
                                                        ToIntFunction<K> total) {
        Map<K, Connection<T>> out = new LinkedHashMap<>();
        parents.forEach(p -> out.put(p, connection(hits.getOrDefault(p, List.of()), page, total.applyAsInt(p))));
        return out;
    }

    /** Groups fetched rows by parent, in fetch order, turning each into a hit. */
    public static <K, R, T> Map<K, List<Hit<T>>> group(Collection<R> rows, Function<R, K> parent, Function<R, Hit<T>> hit) {
        Map<K, List<Hit<T>>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(parent.apply(r), k -> new ArrayList<>()).add(hit.apply(r)));
        return out;
    }

    public static <T> Connection<T> connection(List<Hit<T>> rowsPlusOne, PageArgs page, int total) {
        Connection<Hit<T>> hits = Connection.of(rowsPlusOne, page, Hit::cursor, total);
        return new Connection<>(hits.edges().stream().map(e -> new Connection.Edge<>(e.cursor(), e.node().node())).toList(),
                hits.pageInfo(), total);
    }

    /** A UUID in its canonical 36-character form; anything else is a bad value of {@code argument}. */
    public static UUID uuid(String argument, String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw ApiException.badArgument(argument, "'" + text + "' is not a UUID");
        }
        return UUID.fromString(text);
    }

    /** A UUID inside a cursor: a malformed one means the cursor is not ours. */
    public static UUID cursorUuid(String cursor, String part) {
        if (part == null || !UUID_TEXT.matcher(part).matches()) {
            throw ApiException.badArgument("after", "'" + cursor + "' is not a cursor of this connection");
        }
        return UUID.fromString(part);
    }
}
