package dev.databuild.lineage.want;

import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.support.KeysetPages.parent;
import static dev.databuild.lineage.support.KeysetPages.total;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages;
import dev.databuild.lineage.support.Relation;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.PageArgs;
import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The partition instances built on behalf of wants: every attempt, oldest first. */
@Repository
class WantInstances {

    private final DSLContext db;

    WantInstances(DSLContext db) {
        this.db = db;
    }

    /**
     * Instances whose (run, ref) a run was attributed to the want for. A run mints exactly one
     * instance per ref it builds and may only attribute refs it builds, so each job_run_want row is
     * one instance: the join needs no DISTINCT and the rows count the instances.
     */
    Map<String, Connection<PartitionInstance>> builtFor(Collection<String> wantIds, PageArgs page) {
        var pi = PARTITION_INSTANCE;
        var counted = JOB_RUN_WANT.as("counted");
        KeysetPages.Branch branch = (w, keys, limit) -> db.select(pi.fields())
                .select(parent(w), total(DSL.selectCount().from(counted).where(counted.WANT_ID.eq(w))))
                .from(JOB_RUN_WANT)
                .join(pi).on(pi.JOB_RUN_ID.eq(JOB_RUN_WANT.JOB_RUN_ID)).and(pi.REF.eq(JOB_RUN_WANT.REF))
                .where(JOB_RUN_WANT.WANT_ID.eq(w))
                .and(keys.seek(pi.CREATED_EVENT_ID, pi.UUID))
                .orderBy(keys.order(pi.CREATED_EVENT_ID, pi.UUID)).limit(limit);
        var batched = new KeysetPages.Batched(new Relation<>(JOB_RUN_WANT.WANT_ID,
                JOB_RUN_WANT.join(pi).on(pi.JOB_RUN_ID.eq(JOB_RUN_WANT.JOB_RUN_ID)).and(pi.REF.eq(JOB_RUN_WANT.REF)),
                w -> DSL.field(DSL.selectCount().from(counted).where(counted.WANT_ID.eq(w))), pi.fields())
                .named(WantInstances.class, "builtFor"), pi.CREATED_EVENT_ID, pi.UUID);
        return KeysetPages.fetch(db, wantIds, page, CursorKey.EVENT_ID_AND_UUID, branch, batched,
                r -> PartitionInstance.from(r.into(pi)), i -> Cursor.encode(i.createdEventId(), i.uuid()));
    }
}
