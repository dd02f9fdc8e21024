package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The pages of many parents in one statement whose text does not depend on how many there are: the
 * parent keys are bound as one array. Per parent, two index seeks find where its page ends (the
 * sort key of its last row) and one count gives its total, as a per-parent branch would; then its
 * rows are joined up to that key. So a parent costs a page of rows whatever its fan-out (plus the
 * count, which every connection without a counter column pays), and a batch is one statement.
 *
 * <p>Why not one UNION ALL branch per parent: its text grows with the batch, so it is rendered,
 * parsed and planned anew every time (H2 never caches a UNION), which costs far more than the rows
 * it reads once a batch has more than a few parents.
 */
public final class BatchPages {

    private static final String PARENT = "batch_parent";
    private static final String TOTAL = "batch_total";
    private static final String ROW = "batch_row";
    private static final String[] BOUND = {"batch_bound_1", "batch_bound_2"};

    private BatchPages() {
    }

    /** Every parent's total, and the rows of its page (one more than the page if more follow), in reading order. */
    public record Batch<K>(Map<K, List<Record>> rows, Map<K, Integer> totals) {
    }

    /**
     * @param limit      one page plus the row that says more follow
     * @param seek       the cursor's condition on the related rows (noCondition without a cursor)
     * @param descending whether a parent's rows are read by {@code sortKey} descending
     * @param sortKey    one or two columns, unique per parent
     */
    @SuppressWarnings("unchecked")
    public static <K> Batch<K> fetch(DSLContext db, Collection<K> parents, int limit, Relation<K> relation, Condition seek,
                                     boolean descending, Field<?>... sortKey) {
        if (sortKey.length < 1 || sortKey.length > 2) {
            throw new IllegalArgumentException("a sort key of one or two parts");
        }
        Field<K> column = relation.parent();
        K[] keys = KeyArray.distinct(column, parents);
        List<?> shape = relation.pageShape(relation.few() ? WholePages.class : BatchPages.class, seek == DSL.noCondition(),
                limit, descending);
        if (relation.few()) {
            return WholePages.fetch(db, keys, limit, relation, seek, order(sortKey, descending), shape);
        }
        Result<Record> result = KeyArray.fetch(db, shape, column, keys, k -> query(db, k, limit, relation, seek, descending, sortKey));
        Map<K, List<Record>> rows = new LinkedHashMap<>();
        Map<K, Integer> totals = new HashMap<>();
        // the parent, its total and the related row's parent column lead every row (query)
        for (Record r : result) {
            K p = r.get(0, column.getType());
            totals.put(p, r.get(1, Integer.class));
            if (r.get(2) != null) {
                rows.computeIfAbsent(p, x -> new ArrayList<>()).add(r);
            }
        }
        return new Batch<>(rows, totals);
    }

    @SuppressWarnings("unchecked")
    private static <K> Select<Record> query(DSLContext db, KeyArray<K> keys, int limit, Relation<K> relation, Condition seek,
                                               boolean descending, Field<?>... sortKey) {
        Field<K> column = relation.parent();
        Table<?> bound = keys.table();
        Field<K> key = keys.key();
        Condition own = column.eq(key).and(relation.filter()).and(seek);
        SortField<?>[] order = order(sortKey, descending);
        // per parent: its total, and the sort key of the last row of its page
        List<SelectField<?>> perParent = new ArrayList<>(List.of(key.as(PARENT), relation.total().apply(key).as(TOTAL)));
        // The constant parent column leads the seek's ORDER BY: H2 reads an index in order only when
        // the ORDER BY starts with the index's first column, else it sorts the parent's whole
        // fan-out (a 100,000-reader hub: 39 ms instead of 0.2 ms).
        List<SortField<?>> seekOrder = new ArrayList<>(List.of(descending ? column.desc() : column.asc()));
        seekOrder.addAll(List.of(order));
        List<Field<?>> groups = new ArrayList<>(List.of(column));
        groups.addAll(List.of(sortKey));
        for (int i = 0; i < sortKey.length; i++) {
            Field<Object> part = (Field<Object>) sortKey[i];
            // repeated rows count once: grouped by the whole key, which names each row
            var rows = DSL.select(part).from(relation.keys()).where(own);
            Field<Object> last = DSL.field((relation.distinct() ? rows.groupBy(groups) : rows).orderBy(seekOrder).offset(limit - 1).limit(1));
            if (i == 0) {
                // fewer rows than a page: the page ends at the parent's last row
                last = DSL.coalesce(last, DSL.field(DSL.select(descending ? DSL.min(part) : DSL.max(part))
                        .from(relation.keys()).where(own)));
            }
            perParent.add(last.as(BOUND[i]));
        }
        // OFFSET 0 keeps PostgreSQL from merging this derived table into the join, which would
        // evaluate each page end once per joined row instead of once per parent
        Table<?> ends = DSL.select(perParent).from(bound).offset(DSL.inline(0)).asTable("c");
        Field<K> parent = ends.field(PARENT, column.getDataType());

        List<SelectField<?>> select = new ArrayList<>(List.of(parent, ends.field(TOTAL, Integer.class), column.as(ROW)));
        select.addAll(relation.fields());
        List<SortField<?>> sort = new ArrayList<>(List.of(parent.asc()));
        sort.addAll(List.of(order));
        return (relation.distinct() ? db.selectDistinct(select) : db.select(select))
                .from(ends)
                .leftJoin(relation.from()).on(column.eq(parent)).and(relation.filter()).and(seek)
                .and(upTo(ends, sortKey, descending))
                .orderBy(sort);
    }

    /**
     * Rows up to the page's last key, inclusive. Its first part alone bounds the index range, so a
     * parent's rows past its page are never read.
     */
    @SuppressWarnings("unchecked")
    private static Condition upTo(Table<?> ends, Field<?>[] sortKey, boolean descending) {
        Field<Object> first = (Field<Object>) sortKey[0];
        Field<Object> end = (Field<Object>) ends.field(BOUND[0]);
        Condition within = descending ? first.ge(end) : first.le(end);
        if (sortKey.length == 1) {
            return within;
        }
        Field<Object> second = (Field<Object>) sortKey[1];
        Field<Object> secondEnd = (Field<Object>) ends.field(BOUND[1]);
        // no second bound: fewer rows than a page, every row up to the first part's end
        return within.and(first.ne(end).or(secondEnd.isNull()).or(descending ? second.ge(secondEnd) : second.le(secondEnd)));
    }

    private static SortField<?>[] order(Field<?>[] sortKey, boolean descending) {
        SortField<?>[] out = new SortField<?>[sortKey.length];
        for (int i = 0; i < sortKey.length; i++) {
            out[i] = descending ? sortKey[i].desc() : sortKey[i].asc();
        }
        return out;
    }
}
