package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import org.springframework.stereotype.Component;

/** Applies one accepted event to the projection; the caller owns the transaction. */
@Component
public class Projector {

    private final WantEvents wants;
    private final JobRunEvents runs;
    private final RunOutcomes outcomes;
    private final TaintEvents taints;
    private final Consequences consequences;

    Projector(WantEvents wants, JobRunEvents runs, RunOutcomes outcomes, TaintEvents taints, Consequences consequences) {
        this.wants = wants;
        this.runs = runs;
        this.outcomes = outcomes;
        this.taints = taints;
        this.consequences = consequences;
    }

    public void apply(DataBuildEvent e) {
        EventContext ctx = new EventContext(e.getEventId(), e.getTimestamp());
        switch (e.getEventCase()) {
            case WANT_CREATE_V1 -> wants.create(ctx, e.getWantCreateV1());
            case WANT_CANCEL_V1 -> wants.cancel(ctx, e.getWantCancelV1());
            case JOB_RUN_BUFFER_V1 -> runs.buffer(ctx, e.getJobRunBufferV1());
            case JOB_RUN_QUEUE_V1 -> runs.queue(ctx, e.getJobRunQueueV1().getJobRunId());
            case JOB_RUN_HEARTBEAT_V1 -> runs.heartbeat(ctx, e.getJobRunHeartbeatV1().getJobRunId());
            case JOB_RUN_SUCCESS_V1 -> outcomes.success(ctx, e.getJobRunSuccessV1());
            case JOB_RUN_FAILURE_V1 -> outcomes.failure(ctx, e.getJobRunFailureV1());
            case JOB_RUN_CANCEL_V1 -> outcomes.cancel(ctx, e.getJobRunCancelV1());
            case JOB_RUN_MISSING_DEPS_V1 -> outcomes.missingDeps(ctx, e.getJobRunMissingDepsV1());
            case TAINT_CREATE_V1 -> taints.create(ctx, e.getTaintCreateV1());
            case TAINT_CANCEL_V1 -> taints.cancel(ctx, e.getTaintCancelV1());
            case EVENT_NOT_SET -> throw EventRejected.malformed("the event has no payload");
        }
        consequences.settle(ctx);
    }
}
