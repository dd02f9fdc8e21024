package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * A relation read for many parents at once: what {@link BatchPages}, {@link WholePages} and
 * {@link KeysetPages} page.
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
