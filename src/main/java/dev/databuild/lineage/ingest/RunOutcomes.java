package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.MissingDep;
import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.proto.JobRunCancelEventV1;
import dev.databuild.lineage.proto.JobRunFailureEventV1;
import dev.databuild.lineage.proto.JobRunMissingDepsEventV1;
import dev.databuild.lineage.proto.JobRunSuccessEventV1;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The four ways a run ends, and the lineage edges its read_deps leave behind. */
@Component
class RunOutcomes {

    private final JobRunEvents runs;
    private final InstanceStates instances;

    RunOutcomes(JobRunEvents runs, InstanceStates instances) {
        this.runs = runs;
        this.instances = instances;
    }

    void success(EventContext ctx, JobRunSuccessEventV1 e) {
        Run run = runs.live(ctx, e.getJobRunId(), "job_run_success_v1");
        recordReads(ctx, run, e.getReadDepsList(), "job_run_success_v1");
        runs.end(ctx, run, JobRunStatus.SUCCEEDED, null);
        setOutputs(ctx, run, PartitionStatus.LIVE);
    }

    void failure(EventContext ctx, JobRunFailureEventV1 e) {
        Run run = runs.live(ctx, e.getJobRunId(), "job_run_failure_v1");
        runs.end(ctx, run, JobRunStatus.FAILED, e.getReason());
        setOutputs(ctx, run, PartitionStatus.FAILED);
    }

    void cancel(EventContext ctx, JobRunCancelEventV1 e) {
        Run run = runs.live(ctx, e.getJobRunId(), "job_run_cancel_v1");
        runs.end(ctx, run, JobRunStatus.CANCELED, null);
        run.cancelSource = Source.of(e.getSource());
        run.cancelComment = e.hasComment() ? e.getComment() : null;
        setOutputs(ctx, run, PartitionStatus.CANCELED);
    }

    void missingDeps(EventContext ctx, JobRunMissingDepsEventV1 e) {
        Run run = runs.live(ctx, e.getJobRunId(), "job_run_missing_deps_v1");
        recordReads(ctx, run, e.getReadDepsList(), "job_run_missing_deps_v1");
        Set<MissingDep> seen = new HashSet<>();
        for (var md : e.getMissingDepsList()) {
            Set<String> impacted = md.getImpactedCount() == 0 ? run.outputs.keySet() : JobRunEvents.refs(md.getImpactedList());
            checkOutputs(run, impacted, "job_run_missing_deps_v1.missing_deps.impacted");
            for (String out : impacted) {
                for (var missing : md.getMissingList()) {
                    MissingDep dep = new MissingDep(out, missing.getRef());
                    if (seen.add(dep)) {
                        run.missing.add(dep);
                        ctx.state.appends.missingDeps.add(new Object[] {run.id, out, missing.getRef(), ctx.eventId});
                        BatchState.addIfLoaded(ctx.state.waitersOnRef, missing.getRef(), run.id);
                    }
                    // re-evaluated in Consequences: the missing ref may already be Live by now
                    ctx.changedRefs.add(missing.getRef());
                    ctx.releasingRefs.add(missing.getRef());
                }
            }
        }
        runs.end(ctx, run, JobRunStatus.DEP_MISS, null);
        setOutputs(ctx, run, PartitionStatus.UPSTREAM_BUILDING);
    }

    private void setOutputs(EventContext ctx, Run run, PartitionStatus status) {
        run.outputs.forEach((ref, uuid) -> instances.setStatus(ctx, uuid, ref, status));
    }

    /**
     * Resolves each read ref to the instance canonical now: the exact version read. A run that reads
     * a ref it is itself rebuilding read the version before its own.
     */
    private void recordReads(EventContext ctx, Run run, List<ReadDeps> readDeps, String event) {
        BatchState s = ctx.state;
        Map<String, UUID> resolved = new LinkedHashMap<>();
        Set<List<UUID>> edges = new HashSet<>();
        for (ReadDeps rd : readDeps) {
            Set<String> impacted = rd.getImpactedCount() == 0 ? run.outputs.keySet() : JobRunEvents.refs(rd.getImpactedList());
            checkOutputs(run, impacted, event + ".read_deps.impacted");
            for (var read : rd.getReadList()) {
                UUID input = resolved.computeIfAbsent(read.getRef(), ref -> resolve(ctx, run, ref, event));
                for (String out : impacted) {
                    UUID output = run.outputs.get(out);
                    if (edges.add(List.of(output, input))) {
                        s.appends.readDeps.add(new Object[] {output, input, run.id, out, read.getRef(), ctx.eventId});
                        var in = s.instance(input);
                        in.downstreamCount++;
                        in.changed();
                    }
                }
            }
        }
        resolved.forEach((ref, uuid) -> {
            s.appends.runReads.add(new Object[] {run.id, uuid, ref, ctx.eventId});
            var in = s.instance(uuid);
            in.consumerCount++;
            in.changed();
        });
    }

    private UUID resolve(EventContext ctx, Run run, String ref, String event) {
        UUID uuid = run.outputs.containsKey(ref)
                ? ctx.state.instanceBefore(ref, run.bufferedEventId)
                : instances.canonical(ctx, List.of(ref)).get(ref);
        if (uuid == null) {
            throw EventRejected.inapplicable(event + ": job run " + run.id + " read '" + ref
                    + "' but no instance of that partition exists");
        }
        return uuid;
    }

    private static void checkOutputs(Run run, Set<String> impacted, String field) {
        for (String ref : impacted) {
            if (!run.outputs.containsKey(ref)) {
                throw EventRejected.inapplicable(field + " names '" + ref + "' which job run " + run.id + " does not build");
            }
        }
    }
}
