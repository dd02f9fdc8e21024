package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.support.JobRunStatus;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A job run's life: buffered (minting its instances), queued, running, and its one terminal event. */
@Component
class JobRunEvents {

    private final InstanceStates instances;

    JobRunEvents(InstanceStates instances) {
        this.instances = instances;
    }

    void buffer(EventContext ctx, JobRunBufferEventV1 e) {
        BatchState s = ctx.state;
        if (s.run(e.getJobRunId()) != null) {
            throw EventRejected.inapplicable("job run " + e.getJobRunId() + " was already buffered");
        }
        List<String> refs = e.getBuildingPartitionsList().stream().map(PartitionRef::getRef).toList();
        Set<String> building = Set.copyOf(refs);
        for (var wap : e.getWantAttributedPartitionsList()) {
            if (s.want(wap.getWantId()) == null) {
                throw EventRejected.inapplicable("job run " + e.getJobRunId() + " is attributed to unknown want " + wap.getWantId());
            }
            for (PartitionRef r : wap.getPartitionsList()) {
                if (!building.contains(r.getRef())) {
                    throw EventRejected.inapplicable("want_attributed_partitions names '" + r.getRef()
                            + "' which job run " + e.getJobRunId() + " does not build");
                }
            }
        }
        Run previous = previousAttempt(s, e.getJobLabel(), refs);
        Run run = new Run();
        run.id = e.getJobRunId();
        run.label = e.getJobLabel();
        run.status = JobRunStatus.BUFFERED;
        run.bufferedEventId = ctx.eventId;
        run.bufferedAt = ctx.at;
        run.previousAttemptId = previous == null ? null : previous.id;
        run.attemptRootId = previous == null ? run.id : previous.attemptRootId;
        run.attempt = previous == null ? 1 : previous.attempt + 1;
        if (previous != null) {
            previous.retried = true;
        }
        s.created(s.runs, run.id, run);
        history(ctx, run);
        for (String ref : refs) {
            run.outputs.put(ref, instances.mint(ctx, run.id, ref));
        }
        Set<List<String>> attributed = new HashSet<>();
        for (var wap : e.getWantAttributedPartitionsList()) {
            for (PartitionRef r : wap.getPartitionsList()) {
                if (attributed.add(List.of(wap.getWantId(), r.getRef()))) {
                    s.appends.jobRunWants.add(new Object[] {run.id, wap.getWantId(), r.getRef(), ctx.eventId});
                }
            }
        }
    }

    /**
     * The run this one retries: the latest earlier run of the same job label sharing a building ref
     * that ended DepMiss, Failed or Canceled and has not been retried yet (so chains stay linear).
     */
    private static Run previousAttempt(BatchState s, String jobLabel, List<String> refs) {
        Run latest = null;
        for (String id : s.retryCandidatesFor(refs)) {
            Run r = s.run(id);
            if (r.label.equals(jobLabel) && r.status.isRetryable() && !r.retried
                    && (latest == null || r.bufferedEventId > latest.bufferedEventId)) {
                latest = r;
            }
        }
        return latest;
    }

    Run live(EventContext ctx, String jobRunId, String eventName) {
        Run run = ctx.state.run(jobRunId);
        if (run == null) {
            throw EventRejected.inapplicable(eventName + " names unknown job run " + jobRunId);
        }
        if (run.status.isTerminal()) {
            throw EventRejected.inapplicable(eventName + " for job run " + jobRunId + " which already ended as "
                    + run.status + " (event " + run.endedEventId + ")");
        }
        return run;
    }

    void queue(EventContext ctx, String jobRunId) {
        Run run = live(ctx, jobRunId, "job_run_queue_v1");
        if (run.status != JobRunStatus.BUFFERED) {
            throw EventRejected.inapplicable("job_run_queue_v1 for job run " + jobRunId + " which is already " + run.status);
        }
        run.status = JobRunStatus.QUEUED;
        run.queuedAt = ctx.at;
        run.changed();
        history(ctx, run);
    }

    void heartbeat(EventContext ctx, String jobRunId) {
        Run run = live(ctx, jobRunId, "job_run_heartbeat_v1");
        run.lastHeartbeatAt = ctx.at;
        run.changed();
        if (run.status != JobRunStatus.RUNNING) {
            run.status = JobRunStatus.RUNNING;
            run.startedAt = ctx.at;
            history(ctx, run);
        }
    }

    /** Ends the run; the caller has checked it with {@link #live}. */
    void end(EventContext ctx, Run run, JobRunStatus status, String failureReason) {
        run.status = status;
        run.endedEventId = ctx.eventId;
        run.endedAt = ctx.at;
        run.failureReason = failureReason;
        run.changed();
        history(ctx, run);
        if (status.isRetryable()) {
            run.outputs.keySet().forEach(ref -> BatchState.addIfLoaded(ctx.state.retryCandidates, ref, run.id));
        }
    }

    static Set<String> refs(List<PartitionRef> refs) {
        return refs.stream().map(PartitionRef::getRef).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void history(EventContext ctx, Run run) {
        run.statusHistory = ctx.withStatus(run.statusHistory, run.status.name(), "job run", run.id);
    }
}
