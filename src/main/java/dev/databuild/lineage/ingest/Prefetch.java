package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.ingest.Rows.Want;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.proto.ReadDeps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys a batch's events name, gathered before the first is applied, so their rows (and the
 * rows the events will reach through them: outputs, waiters, wants on the refs) load in a few
 * statements instead of a few per event.
 */
final class Prefetch {

    private final Set<String> runs = new LinkedHashSet<>();
    private final Set<String> wants = new LinkedHashSet<>();
    private final Set<String> taints = new LinkedHashSet<>();
    private final Set<String> refs = new LinkedHashSet<>();
    private final Set<String> building = new LinkedHashSet<>();

    static Prefetch of(List<DataBuildEvent> events) {
        Prefetch p = new Prefetch();
        events.forEach(p::add);
        return p;
    }

    private void add(DataBuildEvent e) {
        switch (e.getEventCase()) {
            case WANT_CREATE_V1 -> {
                wants.add(e.getWantCreateV1().getWantId());
                source(e.getWantCreateV1().getSource());
                refs(e.getWantCreateV1().getPartitionsList());
            }
            case WANT_CANCEL_V1 -> wants.add(e.getWantCancelV1().getWantId());
            case JOB_RUN_BUFFER_V1 -> {
                var b = e.getJobRunBufferV1();
                runs.add(b.getJobRunId());
                b.getBuildingPartitionsList().forEach(r -> building.add(r.getRef()));
                b.getWantAttributedPartitionsList().forEach(w -> wants.add(w.getWantId()));
            }
            case JOB_RUN_QUEUE_V1 -> runs.add(e.getJobRunQueueV1().getJobRunId());
            case JOB_RUN_HEARTBEAT_V1 -> runs.add(e.getJobRunHeartbeatV1().getJobRunId());
            case JOB_RUN_SUCCESS_V1 -> {
                runs.add(e.getJobRunSuccessV1().getJobRunId());
                reads(e.getJobRunSuccessV1().getReadDepsList());
            }
            case JOB_RUN_FAILURE_V1 -> runs.add(e.getJobRunFailureV1().getJobRunId());
            case JOB_RUN_CANCEL_V1 -> runs.add(e.getJobRunCancelV1().getJobRunId());
            case JOB_RUN_MISSING_DEPS_V1 -> {
                var m = e.getJobRunMissingDepsV1();
                runs.add(m.getJobRunId());
                reads(m.getReadDepsList());
                m.getMissingDepsList().forEach(md -> refs(md.getMissingList()));
            }
            case TAINT_CREATE_V1 -> {
                taints.add(e.getTaintCreateV1().getTaintId());
                refs(e.getTaintCreateV1().getPartitionsList());
            }
            case TAINT_CANCEL_V1 -> taints.add(e.getTaintCancelV1().getTaintId());
            case EVENT_NOT_SET -> {
            }
        }
    }

    private void source(EventSource s) {
        if (s.hasJobTriggered()) {
            runs.add(s.getJobTriggered().getJobRunId());
        }
    }

    private void reads(List<ReadDeps> readDeps) {
        readDeps.forEach(rd -> refs(rd.getReadList()));
    }

    private void refs(List<PartitionRef> list) {
        list.forEach(r -> refs.add(r.getRef()));
    }

    /** Loads in rounds: the named rows, then the refs they reach, then the runs and wants waiting on those. */
    void load(BatchState s) {
        s.preloadRuns(runs);
        s.preloadWants(wants);
        s.preloadTaints(taints);
        Set<String> reached = new LinkedHashSet<>(refs);
        reached.addAll(building);
        runs.stream().map(s.runs::get).filter(r -> r != null).forEach(r -> reached.addAll(r.outputs.keySet()));
        taints.stream().map(s.taints::get).filter(t -> t != null).forEach(t -> t.marks.forEach(m -> reached.add(m.ref)));
        wants.stream().map(s.wants::get).filter(w -> w != null).forEach(w -> reached.addAll(w.refs));
        List<String> first = new ArrayList<>(reached);
        s.preloadRefs(first);
        for (String id : s.waitersOn(first)) {
            Run r = s.runs.get(id);
            reached.addAll(r.outputs.keySet());
            r.missing.forEach(m -> reached.add(m.missingRef()));
        }
        for (String id : s.wantsOn(reached)) {
            Want w = s.wants.get(id);
            reached.addAll(w.refs);
        }
        s.preloadRefs(reached);
        s.retryCandidatesFor(building);
    }

}
