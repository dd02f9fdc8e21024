package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;
import static dev.databuild.lineage.db.Tables.WANT_STATUS_HISTORY;

import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import dev.databuild.lineage.support.WantStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What follows from refs changing state within one event: instances waiting on a dep-miss become
 * UpForRetry or UpstreamFailed (which can cascade), then the statuses of the wants on those refs.
 */
@Component
class Consequences {

    private static final Set<String> FAILED = Set.of(PartitionStatus.FAILED.name(), PartitionStatus.UPSTREAM_FAILED.name());

    private final DSLContext db;
    private final InstanceStates instances;

    Consequences(DSLContext db, InstanceStates instances) {
        this.db = db;
        this.instances = instances;
    }

    void settle(EventContext ctx) {
        Set<String> affected = new LinkedHashSet<>();
        Set<String> pending = new LinkedHashSet<>(ctx.changedRefs);
        // Each round only moves UpstreamBuilding instances to a final wait state, so it terminates.
        while (!pending.isEmpty()) {
            affected.addAll(pending);
            ctx.changedRefs.clear();
            pending.retainAll(ctx.releasingRefs);
            if (!pending.isEmpty()) {
                releaseWaiters(ctx, pending);
            }
            pending = new LinkedHashSet<>(ctx.changedRefs);
            pending.removeAll(affected);
            affected.addAll(ctx.changedRefs);
        }
        ctx.changedRefs.addAll(affected);
        recomputeWants(ctx, affected);
    }

    private void releaseWaiters(EventContext ctx, Set<String> refs) {
        var waiting = db.selectDistinct(PARTITION_INSTANCE.UUID, PARTITION_INSTANCE.REF, PARTITION_INSTANCE.JOB_RUN_ID)
                .from(MISSING_DEP)
                .join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(MISSING_DEP.JOB_RUN_ID))
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.JOB_RUN_ID.eq(MISSING_DEP.JOB_RUN_ID))
                .where(MISSING_DEP.MISSING_REF.in(refs))
                .and(JOB_RUN.STATUS.eq(JobRunStatus.DEP_MISS.name()))
                .and(PARTITION_INSTANCE.STATUS.eq(PartitionStatus.UPSTREAM_BUILDING.name()))
                .orderBy(PARTITION_INSTANCE.UUID)
                .fetch();
        for (var w : waiting) {
            List<String> missing = missingFor(w.value3(), w.value2());
            Map<String, String> status = canonicalStatus(missing);
            if (missing.stream().anyMatch(m -> status.get(m) != null && FAILED.contains(status.get(m)))) {
                instances.setStatus(ctx, w.value1(), w.value2(), PartitionStatus.UPSTREAM_FAILED);
            } else if (missing.stream().allMatch(m -> PartitionStatus.LIVE.name().equals(status.get(m)))) {
                instances.setStatus(ctx, w.value1(), w.value2(), PartitionStatus.UP_FOR_RETRY);
            }
        }
    }

    /** The refs an output waits on: those its dep-miss named for it, else all the run's missing refs. */
    private List<String> missingFor(String jobRunId, String ref) {
        var rows = db.select(MISSING_DEP.IMPACTED_REF, MISSING_DEP.MISSING_REF).from(MISSING_DEP)
                .where(MISSING_DEP.JOB_RUN_ID.eq(jobRunId)).fetch();
        List<String> own = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (var r : rows) {
            all.add(r.value2());
            if (r.value1().equals(ref)) {
                own.add(r.value2());
            }
        }
        return own.isEmpty() ? new ArrayList<>(all) : own;
    }

    private Map<String, String> canonicalStatus(List<String> refs) {
        Map<String, String> out = new LinkedHashMap<>();
        db.select(PARTITION_REF.REF, PARTITION_INSTANCE.STATUS).from(PARTITION_REF)
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(PARTITION_REF.CURRENT_UUID))
                .where(PARTITION_REF.REF.in(refs))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    void recomputeWants(EventContext ctx, Set<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        var wants = db.selectDistinct(WANT_PARTITION.WANT_ID).from(WANT_PARTITION)
                .join(WANT).on(WANT.WANT_ID.eq(WANT_PARTITION.WANT_ID))
                .where(WANT_PARTITION.REF.in(refs)).and(WANT.CANCELED_EVENT_ID.isNull())
                .orderBy(WANT_PARTITION.WANT_ID)
                .fetch(WANT_PARTITION.WANT_ID);
        for (String wantId : wants) {
            setWantStatus(ctx, wantId, derivedStatus(wantId), false);
        }
    }

    WantStatus derivedStatus(String wantId) {
        var rows = db.select(WANT_PARTITION.REF, PARTITION_INSTANCE.STATUS).from(WANT_PARTITION)
                .leftJoin(PARTITION_REF).on(PARTITION_REF.REF.eq(WANT_PARTITION.REF))
                .leftJoin(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(PARTITION_REF.CURRENT_UUID))
                .where(WANT_PARTITION.WANT_ID.eq(wantId))
                .fetch();
        List<PartitionStatus> statuses = new ArrayList<>();
        rows.forEach(r -> statuses.add(r.value2() == null ? null : PartitionStatus.valueOf(r.value2())));
        return WantStatus.derive(statuses);
    }

    /** Records the status and its history row; {@code initial} writes history even when unchanged. */
    void setWantStatus(EventContext ctx, String wantId, WantStatus status, boolean initial) {
        int changed = db.update(WANT).set(WANT.STATUS, status.name())
                .where(WANT.WANT_ID.eq(wantId).and(WANT.STATUS.ne(status.name()))).execute();
        if ((changed > 0 || initial) && ctx.historyWritten.add("want:" + wantId)) {
            db.insertInto(WANT_STATUS_HISTORY)
                    .set(WANT_STATUS_HISTORY.WANT_ID, wantId)
                    .set(WANT_STATUS_HISTORY.EVENT_ID, ctx.eventId)
                    .set(WANT_STATUS_HISTORY.STATUS, status.name())
                    .set(WANT_STATUS_HISTORY.AT, ctx.at)
                    .execute();
        } else if (changed > 0) {
            db.update(WANT_STATUS_HISTORY).set(WANT_STATUS_HISTORY.STATUS, status.name())
                    .where(WANT_STATUS_HISTORY.WANT_ID.eq(wantId)).and(WANT_STATUS_HISTORY.EVENT_ID.eq(ctx.eventId))
                    .execute();
        }
    }
}
