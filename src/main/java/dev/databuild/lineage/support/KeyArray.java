package dev.databuild.lineage.support;

import java.lang.reflect.Array;
import java.util.Collection;
import org.jooq.Field;
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
    @SuppressWarnings("unchecked")
    public static <K> KeyArray<K> of(Field<K> column, Collection<K> keys, String alias) {
        K[] distinct = keys.stream().distinct().toArray(n -> (K[]) Array.newInstance(column.getType(), n));
        Table<?> table = DSL.unnest(DSL.val(distinct, column.getDataType().getArrayDataType())).as(alias, "k");
        return new KeyArray<>(table, table.field("k", column.getDataType()));
    }
}
