package dev.databuild.lineage.partition;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.partition.PartitionQueries.PARENT;
import static dev.databuild.lineage.partition.PartitionQueries.TOTAL;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.support.BatchPages;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages.Keyset;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.support.Relation;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The lineage edges around instances, each a keyset page per parent in one statement. Fan-out
 * totals (downstream, consumers) are the parent's counters, so a hub is never counted by scan.
 */
@Repository
public class InstanceLinkQueries {

    /** Consumers and downstream are counted on the instance: the statement needs no count. */
    private static final Function<Field<UUID>, Field<Integer>> COUNTED = uuid -> DSL.inline(0);

    private final DSLContext db;

    InstanceLinkQueries(DSLContext db) {
        this.db = db;
    }

    /** The instances each output read, by (ref, uuid); {@code staleOnly} keeps the superseded ones. */
    Map<UUID, Connection<PartitionInstance>> inputs(Collection<UUID> outputs, PageArgs page, boolean staleOnly) {
        var counted = READ_DEP.as("counted");
        var countedPi = PARTITION_INSTANCE.as("counted_pi");
        Function<Field<UUID>, Field<Integer>> total = out -> DSL.field(DSL.selectCount().from(counted)
                .join(countedPi).on(countedPi.UUID.eq(counted.INPUT_UUID))
                .where(counted.OUTPUT_UUID.eq(out)).and(stale(countedPi.SUPERSEDED_EVENT_ID, staleOnly)));
        Condition seek = refSeek(page);
        var relation = new Relation<>(READ_DEP.OUTPUT_UUID,
                READ_DEP.join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(READ_DEP.INPUT_UUID)), total,
                PARTITION_INSTANCE.fields()).where(stale(PARTITION_INSTANCE.SUPERSEDED_EVENT_ID, staleOnly))
                .named(InstanceLinkQueries.class, "inputs", staleOnly);
        return Pages.batched(db, outputs, page, relation, seek, false, new Field<?>[] {READ_DEP.INPUT_REF, READ_DEP.INPUT_UUID},
                out -> db.select(PARTITION_INSTANCE.fields())
                        .select(READ_DEP.OUTPUT_UUID.as(PARENT), total.apply(DSL.val(out)).as(TOTAL))
                        .from(READ_DEP).join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(READ_DEP.INPUT_UUID))
                        .where(READ_DEP.OUTPUT_UUID.eq(out)).and(seek).and(stale(PARTITION_INSTANCE.SUPERSEDED_EVENT_ID, staleOnly))
                        .orderBy(READ_DEP.INPUT_REF, READ_DEP.INPUT_UUID)
                        .limit(page.limit()),
                r -> {
                    var inst = PartitionInstance.from(r.into(PARTITION_INSTANCE));
                    return new Pages.Hit<>(inst, Cursor.encode(inst.ref(), inst.uuid()), 0);
                },
                lost -> db.select(READ_DEP.OUTPUT_UUID, DSL.count()).from(READ_DEP)
                        .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(READ_DEP.INPUT_UUID))
                        .where(READ_DEP.OUTPUT_UUID.in(lost)).and(stale(PARTITION_INSTANCE.SUPERSEDED_EVENT_ID, staleOnly))
                        .groupBy(READ_DEP.OUTPUT_UUID).fetchMap(Record2::value1, Record2::value2));
    }

    /** The instances built from each input, in the order they were reported: (event, output uuid). */
    public Map<PartitionInstance, Connection<PartitionInstance>> downstream(Collection<PartitionInstance> inputs, PageArgs page) {
        Keyset keys = Keyset.of(page, CursorKey.EVENT_ID_AND_UUID);
        var relation = new Relation<>(READ_DEP.INPUT_UUID,
                READ_DEP.join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(READ_DEP.OUTPUT_UUID)), COUNTED,
                PARTITION_INSTANCE.fields()).keyedBy(READ_DEP).named(InstanceLinkQueries.class, "downstream");
        var hits = counted(inputs, page, relation, keys, READ_DEP.EVENT_ID, READ_DEP.OUTPUT_UUID, r -> {
            var inst = PartitionInstance.from(r.into(PARTITION_INSTANCE));
            return new Pages.Hit<>(inst, Cursor.encode(r.get(READ_DEP.EVENT_ID), inst.uuid()), 0);
        });
        return Pages.assembleCounted(inputs, page, hits, PartitionInstance::downstreamCount);
    }

    /** The runs that read each input, in the order they reported it: (event, run id). */
    public Map<PartitionInstance, Connection<JobRun>> consumers(Collection<PartitionInstance> inputs, PageArgs page) {
        Keyset keys = Keyset.of(page, CursorKey.EVENT_ID_AND_ID);
        var relation = new Relation<>(RUN_READ.INPUT_UUID,
                RUN_READ.join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(RUN_READ.JOB_RUN_ID)), COUNTED, JOB_RUN.fields()).keyedBy(RUN_READ)
                .named(InstanceLinkQueries.class, "consumers");
        var hits = counted(inputs, page, relation, keys, RUN_READ.EVENT_ID, RUN_READ.JOB_RUN_ID, r -> {
            JobRun run = JobRun.from(r.into(JOB_RUN));
            return new Pages.Hit<>(run, Cursor.encode(r.get(RUN_READ.EVENT_ID), run.jobRunId()), 0);
        });
        return Pages.assembleCounted(inputs, page, hits, PartitionInstance::consumerCount);
    }

    /**
     * Pages of a relation whose size is a counter on the parent, so the statement counts nothing.
     * The end of each page is found on the edge table alone, an index-ordered seek: a hub costs a
     * page, not its fan-out (joined first, H2 sorted all of a hub's readers to find the first page).
     */
    private <T> Map<PartitionInstance, List<Pages.Hit<T>>> counted(Collection<PartitionInstance> inputs, PageArgs page,
                                                                  Relation<UUID> relation, Keyset keys,
                                                                  Field<Long> event, Field<?> tie, Function<Record, Pages.Hit<T>> hit) {
        Map<UUID, PartitionInstance> byUuid = new HashMap<>();
        inputs.forEach(i -> byUuid.put(i.uuid(), i));
        var batch = BatchPages.fetch(db, byUuid.keySet(), page.limit(), relation.alsoSelecting(event), keys.seek(event, tie),
                keys.backward(), event, tie);
        Map<PartitionInstance, List<Pages.Hit<T>>> out = new HashMap<>();
        batch.rows().forEach((uuid, rows) -> out.put(byUuid.get(uuid), rows.stream().map(hit).toList()));
        return out;
    }

    private static Condition refSeek(PageArgs page) {
        if (page.cursor() == null) {
            return DSL.noCondition();
        }
        List<String> k = Cursor.decode("after", page.cursor(), 2);
        return DSL.row(READ_DEP.INPUT_REF, READ_DEP.INPUT_UUID).gt(k.get(0), Pages.cursorUuid(page.cursor(), k.get(1)));
    }

    private static Condition stale(Field<Long> supersededEventId, boolean staleOnly) {
        return staleOnly ? supersededEventId.isNotNull() : DSL.noCondition();
    }
}
