package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.PageArgs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Parents of a relation whose size is a counter on the parent (consumers, downstream). When the whole
 * relation of every parent fits in the page, one plain statement reads them all (its text does not
 * depend on how many: the keys are one array) and no more than a page each. Otherwise, when a hub
 * is among them, every parent gets its own index-ordered seek (UNION ALL), so the hub costs a page,
 * not its fan-out. Either way the batch is one statement.
 */
final class Fits {

    private final List<UUID> parents = new ArrayList<>();
    private final Map<UUID, PartitionInstance> byUuid = new HashMap<>();
    private boolean allFit = true;

    private Fits() {
    }

    static Fits split(Collection<PartitionInstance> parents, PageArgs page, ToIntFunction<PartitionInstance> count) {
        Fits fits = new Fits();
        for (PartitionInstance p : parents) {
            fits.byUuid.put(p.uuid(), p);
            fits.parents.add(p.uuid());
            fits.allFit &= count.applyAsInt(p) <= page.limit();
        }
        return fits;
    }

    /**
     * @param all  the rows of all the parents, grouped by parent, each in reading order
     * @param each the rows of the parents, a page each (one seek per parent)
     */
    <T> Map<PartitionInstance, List<Pages.Hit<T>>> fetch(Function<List<UUID>, List<? extends Record>> all,
                                                         Function<List<UUID>, List<? extends Record>> each,
                                                         Function<Record, Pages.Hit<T>> hit) {
        List<Record> rows = new ArrayList<>(allFit ? all.apply(parents) : each.apply(parents));
        Map<PartitionInstance, List<Pages.Hit<T>>> out = new HashMap<>();
        Pages.group(rows, r -> r.get(PartitionQueries.PARENT, UUID.class), hit)
                .forEach((uuid, hits) -> out.put(byUuid.get(uuid), hits));
        return out;
    }

    /** {@code key} is one of {@code keys}, bound as one array. */
    static Condition in(Field<UUID> key, List<UUID> keys) {
        return key.eq(DSL.any(DSL.val(keys.toArray(UUID[]::new), SQLDataType.UUID.getArrayDataType())));
    }

    /** The parent first, so each parent's rows come together, then the reading order. */
    static SortField<?>[] first(Field<?> parent, SortField<?>... order) {
        SortField<?>[] out = new SortField<?>[order.length + 1];
        out[0] = parent.asc();
        System.arraycopy(order, 0, out, 1, order.length);
        return out;
    }
}
