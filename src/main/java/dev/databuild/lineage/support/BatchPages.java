package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
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

    /**
     * A relation read for many parents at once.
     *
     * @param parent   the parent key column of the related rows, e.g. partition_instance.job_run_id
     * @param from     the related rows, possibly a join of tables, that {@code parent} belongs to
     * @param keys     where a page's end is found: {@code from}, or the one table of it that holds the
     *                 parent, the sort key and every column the filter and the cursor name (an
     *                 index-ordered seek that no join can make H2 sort)
     * @param distinct whether the join can repeat a row for one parent
     * @param total    the number of related rows of the parent whose key is the given field
     * @param fields   what each row carries
     * @param few      whether a parent has few rows, so they are read whole ({@link #fewPerParent})
     * @param shape    what decides its statements' text besides the page ({@link #named}), or null
     */
    public record Relation<K>(Field<K> parent, TableLike<?> from, TableLike<?> keys, Condition filter, boolean distinct,
                              Function<Field<K>, Field<Integer>> total, List<? extends SelectField<?>> fields, boolean few,
                              List<?> shape) {

        public Relation(Field<K> parent, TableLike<?> from, Function<Field<K>, Field<Integer>> total, SelectField<?>... fields) {
            this(parent, from, from, DSL.noCondition(), false, total, List.of(fields), false, null);
        }

        public Relation<K> where(Condition condition) {
            return new Relation<>(parent, from, keys, filter.and(condition), distinct, total, fields, few, shape);
        }

        public Relation<K> distinctRows() {
            return new Relation<>(parent, from, keys, filter, true, total, fields, few, shape);
        }

        public Relation<K> keyedBy(TableLike<?> table) {
            return new Relation<>(parent, from, table, filter, distinct, total, fields, few, shape);
        }

        /**
         * Its first pages are rendered once ({@link Templates}): {@code shape} names everything its
         * statements depend on besides the parents and the page, e.g. the call site, and any value
         * its filter binds.
         */
        public Relation<K> named(Object... shape) {
            return new Relation<>(parent, from, keys, filter, distinct, total, fields, few, List.of(shape));
        }

        /**
         * A parent has few rows (a run's outputs), so its rows are read whole and its page cut from
         * them ({@link WholePages}): one seek a parent instead of four. Its total is then the count
         * of its rows, which must be what {@code total} counts; never for a relation a hub can have
         * thousands of rows in, nor one whose join repeats rows.
         */
        public Relation<K> fewPerParent() {
            if (distinct) {
                throw new IllegalStateException("a relation whose join repeats rows is counted by its total, not its rows");
            }
            return new Relation<>(parent, from, keys, filter, distinct, total, fields, true, shape);
        }

        /**
         * The shape of a page of this relation as {@code reader} states it ({@link Templates}), or
         * null when the relation is unnamed or the page is past a cursor, whose values the
         * statement binds. The sort key is the named relation's, so it is left out: jOOQ's query
         * parts hash by rendering.
         */
        public List<?> pageShape(Class<?> reader, boolean firstPage, int limit, boolean descending) {
            return shape == null || !firstPage ? null : List.of(reader, shape, limit, descending);
        }

        /** Each row also carries {@code field}, e.g. the sort key of a cursor. */
        public Relation<K> alsoSelecting(SelectField<?> field) {
            List<SelectField<?>> more = new ArrayList<>(fields);
            more.add(field);
            return new Relation<>(parent, from, keys, filter, distinct, total, more, few, shape);
        }
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
