package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.JOB_RUN_STATUS_HISTORY;
import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.WANT;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.support.JobRunStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A job run's life: buffered (minting its instances), queued, running, and its one terminal event. */
@Component
class JobRunEvents {

    private final DSLContext db;
    private final InstanceStates instances;

    JobRunEvents(DSLContext db, InstanceStates instances) {
        this.db = db;
        this.instances = instances;
    }

    void buffer(EventContext ctx, JobRunBufferEventV1 e) {
        if (Exists.any(db, JOB_RUN, JOB_RUN.JOB_RUN_ID.eq(e.getJobRunId()))) {
            throw EventRejected.inapplicable("job run " + e.getJobRunId() + " was already buffered");
        }
        List<String> refs = e.getBuildingPartitionsList().stream().map(PartitionRef::getRef).toList();
        Set<String> building = Set.copyOf(refs);
        for (var wap : e.getWantAttributedPartitionsList()) {
            if (!Exists.any(db, WANT, WANT.WANT_ID.eq(wap.getWantId()))) {
                throw EventRejected.inapplicable("job run " + e.getJobRunId() + " is attributed to unknown want " + wap.getWantId());
            }
            for (PartitionRef r : wap.getPartitionsList()) {
                if (!building.contains(r.getRef())) {
                    throw EventRejected.inapplicable("want_attributed_partitions names '" + r.getRef()
                            + "' which job run " + e.getJobRunId() + " does not build");
                }
            }
        }
        JobRunRecord previous = previousAttempt(e.getJobLabel(), refs);
        db.insertInto(JOB_RUN)
                .set(JOB_RUN.JOB_RUN_ID, e.getJobRunId())
                .set(JOB_RUN.JOB_LABEL, e.getJobLabel())
                .set(JOB_RUN.STATUS, JobRunStatus.BUFFERED.name())
                .set(JOB_RUN.BUFFERED_EVENT_ID, ctx.eventId)
                .set(JOB_RUN.BUFFERED_AT, ctx.at)
                .set(JOB_RUN.PREVIOUS_ATTEMPT_ID, previous == null ? null : previous.getJobRunId())
                .set(JOB_RUN.ATTEMPT_ROOT_ID, previous == null ? e.getJobRunId() : previous.getAttemptRootId())
                .set(JOB_RUN.ATTEMPT, previous == null ? 1 : previous.getAttempt() + 1)
                .execute();
        history(ctx, e.getJobRunId(), JobRunStatus.BUFFERED);
        for (String ref : refs) {
            instances.mint(ctx, e.getJobRunId(), ref);
        }
        for (var wap : e.getWantAttributedPartitionsList()) {
            for (PartitionRef r : wap.getPartitionsList()) {
                db.insertInto(JOB_RUN_WANT)
                        .set(JOB_RUN_WANT.JOB_RUN_ID, e.getJobRunId())
                        .set(JOB_RUN_WANT.WANT_ID, wap.getWantId())
                        .set(JOB_RUN_WANT.REF, r.getRef())
                        .set(JOB_RUN_WANT.EVENT_ID, ctx.eventId)
                        .onDuplicateKeyIgnore()
                        .execute();
            }
        }
    }

    /**
     * The run this one retries: the latest earlier run of the same job label sharing a building ref
     * that ended DepMiss, Failed or Canceled and has not been retried yet (so chains stay linear).
     */
    private JobRunRecord previousAttempt(String jobLabel, List<String> refs) {
        var next = JOB_RUN.as("next_attempt");
        return db.selectFrom(JOB_RUN)
                .where(JOB_RUN.JOB_LABEL.eq(jobLabel))
                .and(JOB_RUN.STATUS.in(JobRunStatus.DEP_MISS.name(), JobRunStatus.FAILED.name(), JobRunStatus.CANCELED.name()))
                .andExists(db.selectOne().from(PARTITION_INSTANCE)
                        .where(PARTITION_INSTANCE.JOB_RUN_ID.eq(JOB_RUN.JOB_RUN_ID)).and(PARTITION_INSTANCE.REF.in(refs)))
                .andNotExists(db.selectOne().from(next).where(next.PREVIOUS_ATTEMPT_ID.eq(JOB_RUN.JOB_RUN_ID)))
                .orderBy(JOB_RUN.BUFFERED_EVENT_ID.desc())
                .limit(1)
                .fetchOne();
    }

    JobRunRecord live(String jobRunId, String eventName) {
        JobRunRecord run = db.selectFrom(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).fetchOne();
        if (run == null) {
            throw EventRejected.inapplicable(eventName + " names unknown job run " + jobRunId);
        }
        JobRunStatus status = JobRunStatus.valueOf(run.getStatus());
        if (status.isTerminal()) {
            throw EventRejected.inapplicable(eventName + " for job run " + jobRunId + " which already ended as "
                    + status + " (event " + run.getEndedEventId() + ")");
        }
        return run;
    }

    void queue(EventContext ctx, String jobRunId) {
        JobRunRecord run = live(jobRunId, "job_run_queue_v1");
        if (!JobRunStatus.BUFFERED.name().equals(run.getStatus())) {
            throw EventRejected.inapplicable("job_run_queue_v1 for job run " + jobRunId + " which is already " + run.getStatus());
        }
        db.update(JOB_RUN).set(JOB_RUN.STATUS, JobRunStatus.QUEUED.name()).set(JOB_RUN.QUEUED_AT, ctx.at)
                .where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).execute();
        history(ctx, jobRunId, JobRunStatus.QUEUED);
    }

    void heartbeat(EventContext ctx, String jobRunId) {
        JobRunRecord run = live(jobRunId, "job_run_heartbeat_v1");
        var update = db.update(JOB_RUN).set(JOB_RUN.LAST_HEARTBEAT_AT, ctx.at);
        if (!JobRunStatus.RUNNING.name().equals(run.getStatus())) {
            update.set(JOB_RUN.STATUS, JobRunStatus.RUNNING.name()).set(JOB_RUN.STARTED_AT, ctx.at)
                    .where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).execute();
            history(ctx, jobRunId, JobRunStatus.RUNNING);
        } else {
            update.where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).execute();
        }
    }

    /** Ends the run; the caller has checked it with {@link #live}. */
    void end(EventContext ctx, String jobRunId, JobRunStatus status, String failureReason) {
        db.update(JOB_RUN)
                .set(JOB_RUN.STATUS, status.name())
                .set(JOB_RUN.ENDED_EVENT_ID, ctx.eventId)
                .set(JOB_RUN.ENDED_AT, ctx.at)
                .set(JOB_RUN.FAILURE_REASON, failureReason)
                .where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).execute();
        history(ctx, jobRunId, status);
    }

    void cancelSource(String jobRunId, Source source, String comment) {
        db.update(JOB_RUN)
                .set(JOB_RUN.CANCEL_COMMENT, comment)
                .set(JOB_RUN.CANCEL_SOURCE_KIND, source.kind())
                .set(JOB_RUN.CANCEL_SOURCE_USER, source.user())
                .set(JOB_RUN.CANCEL_SOURCE_RUN_ID, source.jobRunId())
                .where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).execute();
    }

    static Set<String> refs(List<PartitionRef> refs) {
        return refs.stream().map(PartitionRef::getRef).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private void history(EventContext ctx, String jobRunId, JobRunStatus status) {
        db.insertInto(JOB_RUN_STATUS_HISTORY)
                .set(JOB_RUN_STATUS_HISTORY.JOB_RUN_ID, jobRunId)
                .set(JOB_RUN_STATUS_HISTORY.EVENT_ID, ctx.eventId)
                .set(JOB_RUN_STATUS_HISTORY.STATUS, status.name())
                .set(JOB_RUN_STATUS_HISTORY.AT, ctx.at)
                .execute();
    }
}
