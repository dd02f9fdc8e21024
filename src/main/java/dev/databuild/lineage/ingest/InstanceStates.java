package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.INSTANCE_STATUS_HISTORY;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.TAINT;
import static dev.databuild.lineage.db.Tables.TAINT_INSTANCE;

import dev.databuild.lineage.support.Ids;
import dev.databuild.lineage.support.PartitionStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Partition instances: minting a new canonical instance per build attempt, and status changes. */
@Component
class InstanceStates {

    private final DSLContext db;

    InstanceStates(DSLContext db) {
        this.db = db;
    }

    /** A run starts building a ref: its new instance supersedes the ref's canonical one. */
    UUID mint(EventContext ctx, String jobRunId, String ref) {
        UUID uuid = Ids.instanceUuid(jobRunId, ref);
        UUID previous = db.select(PARTITION_REF.CURRENT_UUID).from(PARTITION_REF)
                .where(PARTITION_REF.REF.eq(ref)).fetchOne(PARTITION_REF.CURRENT_UUID);
        if (previous == null) {
            db.insertInto(PARTITION_REF, PARTITION_REF.REF, PARTITION_REF.CURRENT_UUID, PARTITION_REF.FIRST_EVENT_ID)
                    .values(ref, uuid, ctx.eventId).execute();
        } else {
            db.update(PARTITION_INSTANCE)
                    .set(PARTITION_INSTANCE.SUPERSEDED_EVENT_ID, ctx.eventId)
                    .set(PARTITION_INSTANCE.SUPERSEDED_AT, ctx.at)
                    .where(PARTITION_INSTANCE.UUID.eq(previous)).execute();
            db.update(PARTITION_REF).set(PARTITION_REF.CURRENT_UUID, uuid).where(PARTITION_REF.REF.eq(ref)).execute();
        }
        db.insertInto(PARTITION_INSTANCE)
                .set(PARTITION_INSTANCE.UUID, uuid)
                .set(PARTITION_INSTANCE.REF, ref)
                .set(PARTITION_INSTANCE.JOB_RUN_ID, jobRunId)
                .set(PARTITION_INSTANCE.STATUS, PartitionStatus.BUILDING.name())
                .set(PARTITION_INSTANCE.CREATED_EVENT_ID, ctx.eventId)
                .set(PARTITION_INSTANCE.CREATED_AT, ctx.at)
                .set(PARTITION_INSTANCE.UPDATED_EVENT_ID, ctx.eventId)
                .set(PARTITION_INSTANCE.CONSUMER_COUNT, 0)
                .set(PARTITION_INSTANCE.DOWNSTREAM_COUNT, 0)
                .execute();
        history(ctx, uuid, PartitionStatus.BUILDING);
        ctx.changedRefs.add(ref);
        return uuid;
    }

    /** Instances built by a run, keyed by ref, in ref order. */
    Map<String, UUID> outputsOf(String jobRunId) {
        Map<String, UUID> out = new LinkedHashMap<>();
        db.select(PARTITION_INSTANCE.REF, PARTITION_INSTANCE.UUID).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.JOB_RUN_ID.eq(jobRunId)).orderBy(PARTITION_INSTANCE.REF)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** The canonical instance of each ref that has one. */
    Map<String, UUID> canonical(Collection<String> refs) {
        Map<String, UUID> out = new LinkedHashMap<>();
        db.select(PARTITION_REF.REF, PARTITION_REF.CURRENT_UUID).from(PARTITION_REF)
                .where(PARTITION_REF.REF.in(refs))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    PartitionStatus statusOf(UUID uuid) {
        return PartitionStatus.valueOf(db.select(PARTITION_INSTANCE.STATUS).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.UUID.eq(uuid)).fetchSingle(PARTITION_INSTANCE.STATUS));
    }

    void setStatus(EventContext ctx, UUID uuid, String ref, PartitionStatus status) {
        int changed = db.update(PARTITION_INSTANCE)
                .set(PARTITION_INSTANCE.STATUS, status.name())
                .set(PARTITION_INSTANCE.UPDATED_EVENT_ID, ctx.eventId)
                .where(PARTITION_INSTANCE.UUID.eq(uuid).and(PARTITION_INSTANCE.STATUS.ne(status.name())))
                .execute();
        if (changed > 0) {
            history(ctx, uuid, status);
            ctx.changedRefs.add(ref);
            if (status == PartitionStatus.LIVE || status == PartitionStatus.FAILED || status == PartitionStatus.UPSTREAM_FAILED) {
                ctx.releasingRefs.add(ref);
            }
            if (status != PartitionStatus.TAINTED) {
                // an active taint that is lifted later must restore this status, not the one it covered
                db.update(TAINT_INSTANCE).set(TAINT_INSTANCE.PRIOR_STATUS, status.name())
                        .where(TAINT_INSTANCE.UUID.eq(uuid))
                        .andExists(db.selectOne().from(TAINT).where(TAINT.TAINT_ID.eq(TAINT_INSTANCE.TAINT_ID))
                                .and(TAINT.CANCELED_EVENT_ID.isNull()))
                        .execute();
            }
        }
    }

    /** One row per instance and event: an upsert (MERGE) costs several times a plain insert on H2. */
    private void history(EventContext ctx, UUID uuid, PartitionStatus status) {
        if (ctx.historyWritten.add(uuid)) {
            db.insertInto(INSTANCE_STATUS_HISTORY)
                    .set(INSTANCE_STATUS_HISTORY.UUID, uuid)
                    .set(INSTANCE_STATUS_HISTORY.EVENT_ID, ctx.eventId)
                    .set(INSTANCE_STATUS_HISTORY.STATUS, status.name())
                    .set(INSTANCE_STATUS_HISTORY.AT, ctx.at)
                    .execute();
        } else {
            db.update(INSTANCE_STATUS_HISTORY).set(INSTANCE_STATUS_HISTORY.STATUS, status.name())
                    .where(INSTANCE_STATUS_HISTORY.UUID.eq(uuid)).and(INSTANCE_STATUS_HISTORY.EVENT_ID.eq(ctx.eventId))
                    .execute();
        }
    }
}
