package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages;
import dev.databuild.lineage.support.Relation;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.support.KeysetPages.parent;
import static dev.databuild.lineage.support.KeysetPages.total;

import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.PageArgs;
import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The exact instances runs read and wrote. */
@Repository
class RunInstances {

    private static final dev.databuild.lineage.db.tables.PartitionInstance PI = PARTITION_INSTANCE;

    private final DSLContext db;

    RunInstances(DSLContext db) {
        this.db = db;
    }

    /** What each run read, by ref then UUID; run_read has one row per instance read. */
    Map<String, Connection<PartitionInstance>> read(Collection<String> jobRunIds, PageArgs page) {
        var counted = RUN_READ.as("counted");
        KeysetPages.Branch branch = (r, keys, limit) -> db.select(PI.fields())
                .select(parent(r), total(DSL.selectCount().from(counted).where(counted.JOB_RUN_ID.eq(r))))
                .from(RUN_READ)
                .join(PI).on(PI.UUID.eq(RUN_READ.INPUT_UUID))
                .where(RUN_READ.JOB_RUN_ID.eq(r))
                .and(keys.seek(RUN_READ.INPUT_REF, RUN_READ.INPUT_UUID))
                .orderBy(keys.order(RUN_READ.INPUT_REF, RUN_READ.INPUT_UUID)).limit(limit);
        var batched = new KeysetPages.Batched(new Relation<>(RUN_READ.JOB_RUN_ID,
                RUN_READ.join(PI).on(PI.UUID.eq(RUN_READ.INPUT_UUID)),
                r -> DSL.field(DSL.selectCount().from(counted).where(counted.JOB_RUN_ID.eq(r))), PI.fields())
                .named(RunInstances.class, "read"), RUN_READ.INPUT_REF, RUN_READ.INPUT_UUID);
        // input_ref is the instance's ref: the run read that ref's instance
        return KeysetPages.fetch(db, jobRunIds, page, CursorKey.REF_AND_UUID, branch, batched, RunInstances::instance,
                i -> Cursor.encode(i.ref(), i.uuid()));
    }

    /** What each run built, by ref: a run builds one instance per ref, of the few its job outputs. */
    Map<String, Connection<PartitionInstance>> wrote(Collection<String> jobRunIds, PageArgs page) {
        var counted = PI.as("counted");
        KeysetPages.Branch branch = (r, keys, limit) -> db.select(PI.fields())
                .select(parent(r), total(DSL.selectCount().from(counted).where(counted.JOB_RUN_ID.eq(r))))
                .from(PI)
                .where(PI.JOB_RUN_ID.eq(r))
                .and(keys.seek(PI.REF))
                .orderBy(keys.order(PI.REF)).limit(limit);
        var batched = new KeysetPages.Batched(new Relation<>(PI.JOB_RUN_ID, PI,
                r -> DSL.field(DSL.selectCount().from(counted).where(counted.JOB_RUN_ID.eq(r))), PI.fields()).fewPerParent()
                .named(RunInstances.class, "wrote"), PI.REF);
        return KeysetPages.fetch(db, jobRunIds, page, CursorKey.REF, branch, batched, RunInstances::instance,
                i -> Cursor.encode(i.ref()));
    }

    private static PartitionInstance instance(Record r) {
        return PartitionInstance.from(r.into(PI));
    }
}
