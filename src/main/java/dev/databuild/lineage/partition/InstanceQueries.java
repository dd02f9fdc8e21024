package dev.databuild.lineage.partition;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.READ_DEP;

import dev.databuild.lineage.support.KeyArray;
import dev.databuild.lineage.support.ParentPages;
import dev.databuild.lineage.support.Templates;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Instances and refs by key, and the per-instance facts that are not connections. */
@Repository
public class InstanceQueries {

    private static final String AT_KEY = "at_key";
    private static final AsOfKey AS_OF_STAND_IN = new AsOfKey(Templates.standIn(String.class), Templates.standIn(Long.class));

    private final DSLContext db;

    InstanceQueries(DSLContext db) {
        this.db = db;
    }

    public Map<UUID, PartitionInstance> byUuids(Collection<UUID> uuids) {
        Map<UUID, PartitionInstance> out = new LinkedHashMap<>();
        KeyArray.fetch(db, "InstanceQueries.byUuids", PARTITION_INSTANCE.UUID, uuids, k -> db.select(PARTITION_INSTANCE.fields())
                .from(k.table()).join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(k.key())))
                .forEach(r -> out.put(r.get(PARTITION_INSTANCE.UUID), PartitionInstance.from(r.into(PARTITION_INSTANCE))));
        return out;
    }

    /** Partitions by ref, each with its canonical instance. */
    public Map<String, Partition> partitionsByRefs(Collection<String> refs) {
        Map<String, Partition> out = new LinkedHashMap<>();
        KeyArray.fetch(db, "InstanceQueries.partitionsByRefs", PARTITION_REF.REF, refs, k -> db.select(PARTITION_REF.REF,
                        PARTITION_REF.FIRST_EVENT_ID).select(PARTITION_INSTANCE.fields()).from(k.table())
                .join(PARTITION_REF).on(PARTITION_REF.REF.eq(k.key()))
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(PARTITION_REF.CURRENT_UUID)))
                .forEach(r -> out.put(r.get(PARTITION_REF.REF), new Partition(r.get(PARTITION_REF.REF),
                        r.get(PARTITION_REF.FIRST_EVENT_ID), PartitionInstance.from(r.into(PARTITION_INSTANCE)))));
        return out;
    }

    /** The canonical instance of a ref, or null when the ref was never built. */
    public PartitionInstance canonical(String ref) {
        return db.select(PARTITION_INSTANCE.fields()).from(PARTITION_REF)
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(PARTITION_REF.CURRENT_UUID))
                .where(PARTITION_REF.REF.eq(ref))
                .fetchOptional(r -> PartitionInstance.from(r.into(PARTITION_INSTANCE))).orElse(null);
    }

    /**
     * The instance of each ref that was canonical at each instant: created by then and not yet
     * superseded. One index seek per key, all keys in one statement.
     */
    public Map<AsOfKey, PartitionInstance> asOf(Collection<AsOfKey> keys) {
        Map<AsOfKey, PartitionInstance> out = new HashMap<>();
        Function<AsOfKey, Select<Record>> branch = k -> db.select(PARTITION_INSTANCE.fields())
                .select(DSL.val(k.at()).as(AT_KEY))
                .from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.REF.eq(k.ref()))
                .and(PARTITION_INSTANCE.CREATED_AT.le(k.at()))
                .and(PARTITION_INSTANCE.SUPERSEDED_AT.isNull().or(PARTITION_INSTANCE.SUPERSEDED_AT.gt(k.at())))
                .orderBy(PARTITION_INSTANCE.CREATED_EVENT_ID.desc())
                .limit(1);
        // a lone key, the usual case, is rendered once (its ref and instant bound in the stand-in's place)
        ParentPages.fetch(db, List.copyOf(keys), branch, List.of(InstanceQueries.class, "asOf"), AS_OF_STAND_IN,
                k -> List.of(k.ref(), k.at())).forEach(r -> {
            PartitionInstance inst = PartitionInstance.from(r.into(PARTITION_INSTANCE));
            out.put(new AsOfKey(inst.ref(), r.get(AT_KEY, Long.class)), inst);
        });
        return out;
    }

    /** Whether each instance read an instance that has since been superseded. */
    public Map<UUID, Boolean> staleness(Collection<UUID> uuids) {
        Map<UUID, Boolean> out = new HashMap<>();
        uuids.forEach(u -> out.put(u, false));
        KeyArray.fetch(db, "InstanceQueries.staleness", READ_DEP.OUTPUT_UUID, uuids, k -> db.selectDistinct(READ_DEP.OUTPUT_UUID)
                .from(k.table()).join(READ_DEP).on(READ_DEP.OUTPUT_UUID.eq(k.key()))
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(READ_DEP.INPUT_UUID))
                .where(PARTITION_INSTANCE.SUPERSEDED_EVENT_ID.isNotNull()))
                .forEach(r -> out.put(r.get(READ_DEP.OUTPUT_UUID), true));
        return out;
    }
}
