package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.proto.JobRunCancelEventV1;
import dev.databuild.lineage.proto.JobRunFailureEventV1;
import dev.databuild.lineage.proto.JobRunMissingDepsEventV1;
import dev.databuild.lineage.proto.JobRunSuccessEventV1;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The four ways a run ends, and the lineage edges its read_deps leave behind. */
@Component
class RunOutcomes {

    private final DSLContext db;
    private final JobRunEvents runs;
    private final InstanceStates instances;

    RunOutcomes(DSLContext db, JobRunEvents runs, InstanceStates instances) {
        this.db = db;
        this.runs = runs;
        this.instances = instances;
    }

    void success(EventContext ctx, JobRunSuccessEventV1 e) {
        JobRunRecord run = runs.live(e.getJobRunId(), "job_run_success_v1");
        Map<String, UUID> outputs = instances.outputsOf(run.getJobRunId());
        recordReads(ctx, run, outputs, e.getReadDepsList(), "job_run_success_v1");
        runs.end(ctx, run.getJobRunId(), JobRunStatus.SUCCEEDED, null);
        outputs.forEach((ref, uuid) -> instances.setStatus(ctx, uuid, ref, PartitionStatus.LIVE));
    }

    void failure(EventContext ctx, JobRunFailureEventV1 e) {
        JobRunRecord run = runs.live(e.getJobRunId(), "job_run_failure_v1");
        runs.end(ctx, run.getJobRunId(), JobRunStatus.FAILED, e.getReason());
        instances.outputsOf(run.getJobRunId()).forEach((ref, uuid) -> instances.setStatus(ctx, uuid, ref, PartitionStatus.FAILED));
    }

    void cancel(EventContext ctx, JobRunCancelEventV1 e) {
        JobRunRecord run = runs.live(e.getJobRunId(), "job_run_cancel_v1");
        runs.end(ctx, run.getJobRunId(), JobRunStatus.CANCELED, null);
        runs.cancelSource(run.getJobRunId(), Source.of(e.getSource()), e.hasComment() ? e.getComment() : null);
        instances.outputsOf(run.getJobRunId()).forEach((ref, uuid) -> instances.setStatus(ctx, uuid, ref, PartitionStatus.CANCELED));
    }

    void missingDeps(EventContext ctx, JobRunMissingDepsEventV1 e) {
        JobRunRecord run = runs.live(e.getJobRunId(), "job_run_missing_deps_v1");
        Map<String, UUID> outputs = instances.outputsOf(run.getJobRunId());
        recordReads(ctx, run, outputs, e.getReadDepsList(), "job_run_missing_deps_v1");
        for (var md : e.getMissingDepsList()) {
            Set<String> impacted = md.getImpactedCount() == 0 ? outputs.keySet() : JobRunEvents.refs(md.getImpactedList());
            checkOutputs(run, outputs, impacted, "job_run_missing_deps_v1.missing_deps.impacted");
            for (String out : impacted) {
                for (var missing : md.getMissingList()) {
                    db.insertInto(MISSING_DEP)
                            .set(MISSING_DEP.JOB_RUN_ID, run.getJobRunId())
                            .set(MISSING_DEP.IMPACTED_REF, out)
                            .set(MISSING_DEP.MISSING_REF, missing.getRef())
                            .set(MISSING_DEP.EVENT_ID, ctx.eventId)
                            .onDuplicateKeyIgnore().execute();
                    // re-evaluated in Consequences: the missing ref may already be Live by now
                    ctx.changedRefs.add(missing.getRef());
                    ctx.releasingRefs.add(missing.getRef());
                }
            }
        }
        runs.end(ctx, run.getJobRunId(), JobRunStatus.DEP_MISS, null);
        outputs.forEach((ref, uuid) -> instances.setStatus(ctx, uuid, ref, PartitionStatus.UPSTREAM_BUILDING));
    }

    /**
     * Resolves each read ref to the instance canonical now: the exact version read. A run that reads
     * a ref it is itself rebuilding read the version before its own.
     */
    private void recordReads(EventContext ctx, JobRunRecord run, Map<String, UUID> outputs, List<ReadDeps> readDeps, String event) {
        Map<String, UUID> resolved = new LinkedHashMap<>();
        for (ReadDeps rd : readDeps) {
            Set<String> impacted = rd.getImpactedCount() == 0 ? outputs.keySet() : JobRunEvents.refs(rd.getImpactedList());
            checkOutputs(run, outputs, impacted, event + ".read_deps.impacted");
            for (var read : rd.getReadList()) {
                UUID input = resolved.computeIfAbsent(read.getRef(), ref -> resolve(run, outputs, ref, event));
                for (String out : impacted) {
                    int added = db.insertInto(READ_DEP)
                            .set(READ_DEP.OUTPUT_UUID, outputs.get(out))
                            .set(READ_DEP.INPUT_UUID, input)
                            .set(READ_DEP.JOB_RUN_ID, run.getJobRunId())
                            .set(READ_DEP.OUTPUT_REF, out)
                            .set(READ_DEP.INPUT_REF, read.getRef())
                            .set(READ_DEP.EVENT_ID, ctx.eventId)
                            .onDuplicateKeyIgnore().execute();
                    count(PARTITION_INSTANCE.DOWNSTREAM_COUNT, input, added);
                }
            }
        }
        resolved.forEach((ref, uuid) -> {
            db.insertInto(RUN_READ)
                    .set(RUN_READ.JOB_RUN_ID, run.getJobRunId())
                    .set(RUN_READ.INPUT_UUID, uuid)
                    .set(RUN_READ.INPUT_REF, ref)
                    .set(RUN_READ.EVENT_ID, ctx.eventId)
                    .execute();
            count(PARTITION_INSTANCE.CONSUMER_COUNT, uuid, 1);
        });
    }

    private void count(org.jooq.TableField<?, Integer> counter, UUID uuid, int added) {
        if (added > 0) {
            db.update(PARTITION_INSTANCE).set(counter, counter.plus(added)).where(PARTITION_INSTANCE.UUID.eq(uuid)).execute();
        }
    }

    private UUID resolve(JobRunRecord run, Map<String, UUID> outputs, String ref, String event) {
        UUID uuid;
        if (outputs.containsKey(ref)) {
            uuid = db.select(PARTITION_INSTANCE.UUID).from(PARTITION_INSTANCE)
                    .where(PARTITION_INSTANCE.REF.eq(ref)).and(PARTITION_INSTANCE.CREATED_EVENT_ID.lt(run.getBufferedEventId()))
                    .orderBy(PARTITION_INSTANCE.CREATED_EVENT_ID.desc()).limit(1).fetchOne(PARTITION_INSTANCE.UUID);
        } else {
            uuid = instances.canonical(List.of(ref)).get(ref);
        }
        if (uuid == null) {
            throw EventRejected.inapplicable(event + ": job run " + run.getJobRunId() + " read '" + ref
                    + "' but no instance of that partition exists");
        }
        return uuid;
    }

    private static void checkOutputs(JobRunRecord run, Map<String, UUID> outputs, Set<String> impacted, String field) {
        for (String ref : impacted) {
            if (!outputs.containsKey(ref)) {
                throw EventRejected.inapplicable(field + " names '" + ref + "' which job run " + run.getJobRunId() + " does not build");
            }
        }
    }
}
