package dev.databuild.lineage.support;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Row1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Keys bound as one array parameter and unnested into a one-column table, so a statement over
 * many keys has one text whatever their count (H2 and PostgreSQL parse it once), and a join from it
 * seeks an index once per key. A few keys are bound one by one as rows instead ({@link #MAX_ROWS}).
 *
 * @param table the keys as a table of one column
 * @param key   that column, typed as the column the keys are values of
 */
public record KeyArray<K>(Table<?> table, Field<K> key) {

    /** The distinct {@code keys}, typed as {@code column}, as table {@code alias}. */
    public static <K> KeyArray<K> of(Field<K> column, Collection<K> keys, String alias) {
        return of(column, distinct(column, keys), alias);
    }

    /** The array of {@code keys}, as table {@code alias}. */
    public static <K> KeyArray<K> of(Field<K> column, K[] keys, String alias) {
        Table<?> table = DSL.unnest(DSL.val(keys, column.getDataType().getArrayDataType())).as(alias, "k");
        return new KeyArray<>(table, table.field("k", column.getDataType()));
    }

    /**
     * The rows {@code query} finds for {@code keys}, as one statement rendered once per {@code site}
     * ({@link Templates}) whatever the keys: their array is its only value.
     *
     * @param site  names the statement: everything it depends on besides the keys
     * @param query the statement over the keys as a table, typically joined to what they key
     */
    public static <K> Result<Record> fetch(DSLContext db, Object site, Field<K> column, Collection<K> keys,
                                           Function<KeyArray<K>, ? extends Select<? extends Record>> query) {
        return fetch(db, List.of(KeyArray.class, site), column, distinct(column, keys), query);
    }

    /**
     * Same over distinct keys, as table {@code k} (their array, or up to {@link #MAX_ROWS} of them
     * as rows), rendered once per {@code shape} and count of rows; a null shape builds and renders
     * the statement as jOOQ does.
     */
    public static <K> Result<Record> fetch(DSLContext db, List<?> shape, Field<K> column, K[] keys,
                                           Function<KeyArray<K>, ? extends Select<? extends Record>> query) {
        if (asRows(keys.length)) {
            return Templates.fetch(db, shape == null ? null : rowsShape(shape, keys.length), ks -> query.apply(rows(column, ks, "k")),
                    Templates.standIns(column.getType(), keys.length), keys, Arrays::asList);
        }
        return Templates.fetch(db, shape, ks -> query.apply(of(column, ks, "k")),
                distinct(column, List.of(Templates.standIn(column.getType()))), keys);
    }

    /**
     * Up to this many keys are sent as a table of that many rows, one bound value each, instead
     * of an array. PostgreSQL cannot tell how many elements an array parameter holds, so it plans
     * a statement over {@code unnest(?)} anew on every execution: a generic plan, made for a
     * hundred keys, is dearer than a custom one for a few (and where it kept one, a hash join made
     * for a hundred took 20-30x longer for one). Planning such a statement took 0.1-0.5 ms, several
     * times running it. Over a table of known rows its generic plan is the custom one, and it
     * keeps it. Most requests ask about one subject or a few; each count is a statement text of its
     * own, so the bound keeps them few.
     */
    public static final int MAX_ROWS = 8;

    /** The keys as a table of as many rows, typed as {@code column}, as table {@code alias}. */
    static <K> KeyArray<K> rows(Field<K> column, K[] keys, String alias) {
        Table<?> table;
        if (keys.length == 1) {
            table = DSL.select(DSL.val(keys[0], column.getDataType()).as("k")).asTable(alias);
        } else {
            List<Row1<K>> rows = new ArrayList<>();
            for (K key : keys) {
                rows.add(DSL.row(DSL.val(key, column.getDataType())));
            }
            table = DSL.values(rows.toArray(Row1[]::new)).as(alias, "k");
        }
        return new KeyArray<>(table, table.field("k", column.getDataType()));
    }

    /** Whether {@code count} keys are bound one by one, as rows (else as an array). */
    public static boolean asRows(int count) {
        return count > 0 && count <= MAX_ROWS;
    }

    /** The shape of a statement over {@code count} keys bound as rows: one text per count. */
    public static List<Object> rowsShape(List<?> shape, int count) {
        List<Object> out = new ArrayList<>(shape);
        out.add("rows");
        out.add(count);
        return out;
    }

    /** The distinct {@code keys} as the array a statement binds. */
    @SuppressWarnings("unchecked")
    public static <K> K[] distinct(Field<K> column, Collection<K> keys) {
        return keys.stream().distinct().toArray(n -> (K[]) Array.newInstance(column.getType(), n));
    }
}
