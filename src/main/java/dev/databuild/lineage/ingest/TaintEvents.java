package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.TAINT;
import static dev.databuild.lineage.db.Tables.TAINT_INSTANCE;

import dev.databuild.lineage.proto.TaintCancelEventV1;
import dev.databuild.lineage.proto.TaintCreateEventV1;
import dev.databuild.lineage.support.PartitionStatus;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Taints mark the canonical instances of refs invalid; canceling restores what they were. */
@Component
class TaintEvents {

    private final DSLContext db;
    private final InstanceStates instances;

    TaintEvents(DSLContext db, InstanceStates instances) {
        this.db = db;
        this.instances = instances;
    }

    void create(EventContext ctx, TaintCreateEventV1 e) {
        if (Exists.any(db, TAINT, TAINT.TAINT_ID.eq(e.getTaintId()))) {
            throw EventRejected.inapplicable("taint " + e.getTaintId() + " already exists");
        }
        var refs = JobRunEvents.refs(e.getPartitionsList());
        Map<String, UUID> canonical = instances.canonical(refs);
        for (String ref : refs) {
            if (!canonical.containsKey(ref)) {
                throw EventRejected.inapplicable("taint " + e.getTaintId() + " names '" + ref + "' which has no partition instance");
            }
        }
        Source source = Source.of(e.getSource());
        db.insertInto(TAINT)
                .set(TAINT.TAINT_ID, e.getTaintId())
                .set(TAINT.CREATED_EVENT_ID, ctx.eventId)
                .set(TAINT.CREATED_AT, ctx.at)
                .set(TAINT.COMMENT, e.hasComment() ? e.getComment() : null)
                .set(TAINT.SOURCE_KIND, source.kind())
                .set(TAINT.SOURCE_USER, source.user())
                .set(TAINT.SOURCE_RUN_ID, source.jobRunId())
                .execute();
        for (String ref : refs) {
            UUID uuid = canonical.get(ref);
            PartitionStatus prior = priorStatus(uuid);
            db.insertInto(TAINT_INSTANCE)
                    .set(TAINT_INSTANCE.TAINT_ID, e.getTaintId())
                    .set(TAINT_INSTANCE.UUID, uuid)
                    .set(TAINT_INSTANCE.REF, ref)
                    .set(TAINT_INSTANCE.PRIOR_STATUS, prior.name())
                    .execute();
            instances.setStatus(ctx, uuid, ref, PartitionStatus.TAINTED);
        }
    }

    /** An instance already tainted by another active taint keeps that taint's prior status. */
    private PartitionStatus priorStatus(UUID uuid) {
        PartitionStatus now = instances.statusOf(uuid);
        if (now != PartitionStatus.TAINTED) {
            return now;
        }
        return PartitionStatus.valueOf(db.select(TAINT_INSTANCE.PRIOR_STATUS).from(TAINT_INSTANCE)
                .join(TAINT).on(TAINT.TAINT_ID.eq(TAINT_INSTANCE.TAINT_ID))
                .where(TAINT_INSTANCE.UUID.eq(uuid)).and(TAINT.CANCELED_EVENT_ID.isNull())
                .orderBy(TAINT.CREATED_EVENT_ID).limit(1).fetchSingle(TAINT_INSTANCE.PRIOR_STATUS));
    }

    void cancel(EventContext ctx, TaintCancelEventV1 e) {
        var taint = db.selectFrom(TAINT).where(TAINT.TAINT_ID.eq(e.getTaintId())).fetchOne();
        if (taint == null) {
            throw EventRejected.inapplicable("taint_cancel_v1 names unknown taint " + e.getTaintId());
        }
        if (taint.getCanceledEventId() != null) {
            throw EventRejected.inapplicable("taint " + e.getTaintId() + " was already canceled by event " + taint.getCanceledEventId());
        }
        db.update(TAINT).set(TAINT.CANCELED_EVENT_ID, ctx.eventId).set(TAINT.CANCELED_AT, ctx.at)
                .where(TAINT.TAINT_ID.eq(e.getTaintId())).execute();
        var other = TAINT_INSTANCE.as("other");
        var otherTaint = TAINT.as("other_taint");
        var lifted = db.select(TAINT_INSTANCE.UUID, TAINT_INSTANCE.REF, TAINT_INSTANCE.PRIOR_STATUS)
                .from(TAINT_INSTANCE)
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(TAINT_INSTANCE.UUID))
                .where(TAINT_INSTANCE.TAINT_ID.eq(e.getTaintId()))
                .and(PARTITION_INSTANCE.STATUS.eq(PartitionStatus.TAINTED.name()))
                .andNotExists(db.selectOne().from(other).join(otherTaint).on(otherTaint.TAINT_ID.eq(other.TAINT_ID))
                        .where(other.UUID.eq(TAINT_INSTANCE.UUID)).and(otherTaint.CANCELED_EVENT_ID.isNull()))
                .orderBy(TAINT_INSTANCE.UUID)
                .fetch();
        for (var r : lifted) {
            instances.setStatus(ctx, r.value1(), r.value2(), PartitionStatus.valueOf(r.value3()));
        }
    }
}
