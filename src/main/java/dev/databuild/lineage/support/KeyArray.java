package dev.databuild.lineage.support;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Keys bound as one array parameter and unnested into a one-column table, so a statement over
 * many keys has one text whatever their count (H2 and PostgreSQL parse and plan it once), and a
 * join from it seeks an index once per key.
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
     * Same over an array of distinct keys, as table {@code k}, rendered once per {@code shape}; a
     * null shape builds and renders the statement as jOOQ does.
     */
    public static <K> Result<Record> fetch(DSLContext db, List<?> shape, Field<K> column, K[] keys,
                                           Function<KeyArray<K>, ? extends Select<? extends Record>> query) {
        return Templates.fetch(db, shape, ks -> query.apply(of(column, ks, "k")),
                distinct(column, List.of(Templates.standIn(column.getType()))), keys);
    }

    /** The distinct {@code keys} as the array a statement binds. */
    @SuppressWarnings("unchecked")
    public static <K> K[] distinct(Field<K> column, Collection<K> keys) {
        return keys.stream().distinct().toArray(n -> (K[]) Array.newInstance(column.getType(), n));
    }
}
