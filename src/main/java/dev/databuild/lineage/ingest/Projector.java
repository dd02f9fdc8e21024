package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies accepted events to the projection through a {@link BatchState}: open one per batch,
 * apply the events in order, then finish it to write everything. The caller owns the transaction.
 */
@Component
public class Projector {

    private final WantEvents wants;
    private final JobRunEvents runs;
    private final RunOutcomes outcomes;
    private final TaintEvents taints;
    private final Consequences consequences;
    private final StateLoader loader;
    private final BatchWriter writer;

    Projector(WantEvents wants, JobRunEvents runs, RunOutcomes outcomes, TaintEvents taints, Consequences consequences,
              StateLoader loader, BatchWriter writer) {
        this.wants = wants;
        this.runs = runs;
        this.outcomes = outcomes;
        this.taints = taints;
        this.consequences = consequences;
        this.loader = loader;
        this.writer = writer;
    }

    /** A fresh batch state with every row the events name loaded in a few statements. */
    BatchState open(List<DataBuildEvent> events) {
        return prefetch(new BatchState(loader, writer), events);
    }

    /** Loads into a state the rows the events name that it does not hold yet. */
    BatchState prefetch(BatchState state, List<DataBuildEvent> events) {
        Prefetch.of(events).load(state);
        return state;
    }

    /** Writes all the batch changed, the event log rows included. */
    void finish(BatchState state) {
        state.flush();
        writer.writeAppends(state.appends);
    }

    void apply(BatchState state, DataBuildEvent e) {
        EventContext ctx = new EventContext(state, e.getEventId(), e.getTimestamp());
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
