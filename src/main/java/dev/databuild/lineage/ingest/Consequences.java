package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.MissingDep;
import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.ingest.Rows.Want;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import dev.databuild.lineage.support.WantStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What follows from refs changing state within one event: instances waiting on a dep-miss become
 * UpForRetry or UpstreamFailed (which can cascade), then the statuses of the wants on those refs.
 */
@Component
class Consequences {

    private final InstanceStates instances;

    Consequences(InstanceStates instances) {
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
        List<Instance> waiting = new ArrayList<>();
        for (String runId : ctx.state.waitersOn(refs)) {
            Run run = ctx.state.run(runId);
            if (run.status != JobRunStatus.DEP_MISS || run.missing.stream().noneMatch(m -> refs.contains(m.missingRef()))) {
                continue;
            }
            for (var uuid : run.outputs.values()) {
                Instance i = ctx.state.instance(uuid);
                if (i.status == PartitionStatus.UPSTREAM_BUILDING) {
                    waiting.add(i);
                }
            }
        }
        waiting.sort(Comparator.comparing(i -> i.uuid));
        for (Instance w : waiting) {
            List<PartitionStatus> missing = missingFor(ctx.state.run(w.jobRunId), w.ref).stream()
                    .map(ref -> instances.canonicalStatus(ctx, ref)).toList();
            if (missing.stream().anyMatch(st -> st == PartitionStatus.FAILED || st == PartitionStatus.UPSTREAM_FAILED)) {
                instances.setStatus(ctx, w.uuid, w.ref, PartitionStatus.UPSTREAM_FAILED);
            } else if (missing.stream().allMatch(st -> st == PartitionStatus.LIVE)) {
                instances.setStatus(ctx, w.uuid, w.ref, PartitionStatus.UP_FOR_RETRY);
            }
        }
    }

    /** The refs an output waits on: those its dep-miss named for it, else all the run's missing refs. */
    private static List<String> missingFor(Run run, String ref) {
        List<String> own = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (MissingDep m : run.missing) {
            all.add(m.missingRef());
            if (m.impactedRef().equals(ref)) {
                own.add(m.missingRef());
            }
        }
        return own.isEmpty() ? new ArrayList<>(all) : own;
    }

    void recomputeWants(EventContext ctx, Set<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        for (String wantId : ctx.state.wantsOn(refs).stream().sorted().toList()) {
            Want want = ctx.state.want(wantId);
            if (want.canceledEventId == null) {
                setWantStatus(ctx, want, derivedStatus(ctx, want), false);
            }
        }
    }

    WantStatus derivedStatus(EventContext ctx, Want want) {
        return WantStatus.derive(want.refs.stream().map(ref -> instances.canonicalStatus(ctx, ref)).toList());
    }

    /** Records the status and its history entry; {@code initial} writes history even when unchanged. */
    void setWantStatus(EventContext ctx, Want want, WantStatus status, boolean initial) {
        if (want.status != status || initial) {
            want.status = status;
            want.statusHistory = ctx.withStatus(want.statusHistory, status.name(), "want", want.id);
            want.changed();
        }
    }
}
