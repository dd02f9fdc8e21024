package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.ingest.Events.ref;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.JobRunCancelEventV1;
import dev.databuild.lineage.proto.JobRunFailureEventV1;
import dev.databuild.lineage.proto.JobRunHeartbeatEventV1;
import dev.databuild.lineage.proto.JobRunMissingDepsEventV1;
import dev.databuild.lineage.proto.JobRunQueueEventV1;
import dev.databuild.lineage.proto.JobRunSuccessEventV1;
import dev.databuild.lineage.proto.JobTriggeredEvent;
import dev.databuild.lineage.proto.ManuallyTriggeredEvent;
import dev.databuild.lineage.proto.MissingDeps;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.proto.TaintCancelEventV1;
import dev.databuild.lineage.proto.TaintCreateEventV1;
import dev.databuild.lineage.proto.WantAttributedPartitions;
import dev.databuild.lineage.proto.WantCancelEventV1;
import dev.databuild.lineage.proto.WantCreateEventV1;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent, deliberately conservative model of what the service accepts: every event it
 * emits applies, in order, to whatever the same model emitted before. All ids and refs carry a
 * namespace, so sequences of different namespaces stay valid in any interleaving (concurrent
 * writers). Event ids and time stamps are left 0 for the service to assign.
 */
final class BelModel {

    private enum Op { WANT, CANCEL_WANT, BUFFER, QUEUE, HEARTBEAT, SUCCESS, FAILURE, CANCEL_RUN, DEP_MISS, TAINT, UNTAINT }

    private static final String[] TEXT = {"nightly backfill", "rebuilt after upstream fix", "ünïcødé ✓ 𝄞 データ", "", "quote \" and \\ slash"};

    private final String ns;
    private final Choices c;
    private final List<String> wants = new ArrayList<>();
    private final List<String> openRuns = new ArrayList<>();
    private final Map<String, List<String>> runRefs = new HashMap<>();
    private final Map<String, Integer> runStage = new HashMap<>();
    private final List<String> built = new ArrayList<>();
    private final Set<String> builtSet = new LinkedHashSet<>();
    private final List<String> taints = new ArrayList<>();
    private final List<DataBuildEvent> pending = new ArrayList<>();
    private int refSpace = 4;
    private int seq;

    BelModel(String ns, Choices choices) {
        this.ns = ns;
        this.c = choices;
    }

    List<DataBuildEvent> take(int n) {
        List<DataBuildEvent> out = new ArrayList<>(n);
        while (out.size() < n) {
            out.add(next());
        }
        return out;
    }

    DataBuildEvent next() {
        if (!pending.isEmpty()) {
            return pending.remove(0);
        }
        List<Op> ops = new ArrayList<>(List.of(Op.WANT, Op.BUFFER));
        if (!wants.isEmpty()) {
            ops.add(Op.CANCEL_WANT);
        }
        if (!openRuns.isEmpty()) {
            // more open runs, more endings: keeps the number of live runs bounded
            int weight = 1 + openRuns.size() / 3;
            for (int i = 0; i < weight; i++) {
                ops.addAll(List.of(Op.QUEUE, Op.HEARTBEAT, Op.SUCCESS, Op.SUCCESS, Op.FAILURE, Op.CANCEL_RUN, Op.DEP_MISS));
            }
        }
        if (!built.isEmpty()) {
            ops.add(Op.TAINT);
        }
        if (!taints.isEmpty()) {
            ops.add(Op.UNTAINT);
        }
        DataBuildEvent e = emit(ops.get(c.below(ops.size())));
        return e != null ? e : next();
    }

    private DataBuildEvent emit(Op op) {
        var b = DataBuildEvent.newBuilder();
        switch (op) {
            case WANT -> b.setWantCreateV1(want(manual()));
            case CANCEL_WANT -> b.setWantCancelV1(WantCancelEventV1.newBuilder().setWantId(wants.remove(c.below(wants.size())))
                    .setSource(manual()).setComment(text()));
            case BUFFER -> b.setJobRunBufferV1(buffer());
            case QUEUE -> {
                String run = openRuns.get(c.below(openRuns.size()));
                if (runStage.get(run) != 0) {
                    return null;
                }
                runStage.put(run, 1);
                b.setJobRunQueueV1(JobRunQueueEventV1.newBuilder().setJobRunId(run));
            }
            case HEARTBEAT -> {
                String run = openRuns.get(c.below(openRuns.size()));
                runStage.put(run, 2);
                b.setJobRunHeartbeatV1(JobRunHeartbeatEventV1.newBuilder().setJobRunId(run));
            }
            case SUCCESS -> {
                String run = end();
                b.setJobRunSuccessV1(JobRunSuccessEventV1.newBuilder().setJobRunId(run).addAllReadDeps(reads(run)));
            }
            case FAILURE -> b.setJobRunFailureV1(JobRunFailureEventV1.newBuilder().setJobRunId(end()).setReason("exit " + c.below(256) + " " + text()));
            case CANCEL_RUN -> b.setJobRunCancelV1(JobRunCancelEventV1.newBuilder().setJobRunId(end()).setSource(manual()));
            case DEP_MISS -> b.setJobRunMissingDepsV1(depMiss(end()));
            case TAINT -> {
                String id = "T-" + ns + "-" + (++seq);
                taints.add(id);
                b.setTaintCreateV1(TaintCreateEventV1.newBuilder().setTaintId(id).setSource(manual()).setComment(text())
                        .addAllPartitions(pick(built, 1 + c.below(2), Set.of()).stream().map(r -> ref(r)).toList()));
            }
            case UNTAINT -> b.setTaintCancelV1(TaintCancelEventV1.newBuilder().setTaintId(taints.remove(c.below(taints.size())))
                    .setSource(manual()));
        }
        return b.build();
    }

    private WantCreateEventV1 want(EventSource source) {
        return want(source, pick(null, 1 + c.below(3), Set.of()));
    }

    private WantCreateEventV1 want(EventSource source, List<String> refs) {
        String id = "W-" + ns + "-" + (++seq);
        wants.add(id);
        var w = WantCreateEventV1.newBuilder().setWantId(id).setSource(source)
                .setDataTimestamp(1_735_689_600_000L + c.below(1_000_000)).setTtlSeconds(c.below(86_400)).setSlaSeconds(c.below(3_600));
        if (c.chance(30)) {
            w.setComment(text());
        }
        refs.forEach(r -> w.addPartitions(ref(r)));
        return w.build();
    }

    private JobRunBufferEventV1 buffer() {
        String run = "JR-" + ns + "-" + (++seq);
        List<String> refs = pick(null, 1 + c.below(3), Set.of());
        openRuns.add(run);
        runRefs.put(run, refs);
        runStage.put(run, 0);
        // every buffered ref has an instance from now on: it can be read and tainted
        refs.forEach(this::markBuilt);
        var b = JobRunBufferEventV1.newBuilder().setJobRunId(run).setJobLabel("//jobs:" + ns + "-" + Math.floorMod(refs.get(0).hashCode(), 4));
        refs.forEach(r -> b.addBuildingPartitions(ref(r)));
        if (!wants.isEmpty() && c.chance(70)) {
            b.addWantAttributedPartitions(WantAttributedPartitions.newBuilder().setWantId(wants.get(c.below(wants.size())))
                    .addAllPartitions(refs.subList(0, 1 + c.below(refs.size())).stream().map(r -> ref(r)).toList()));
        }
        return b.build();
    }

    private JobRunMissingDepsEventV1 depMiss(String run) {
        List<String> outputs = runRefs.get(run);
        List<String> missing = pick(null, 1 + c.below(2), Set.copyOf(outputs));
        var md = MissingDeps.newBuilder();
        missing.forEach(r -> md.addMissing(ref(r)));
        if (c.chance(50)) {
            md.addImpacted(ref(outputs.get(c.below(outputs.size()))));
        }
        if (c.chance(70)) {
            var source = EventSource.newBuilder().setJobTriggered(JobTriggeredEvent.newBuilder().setJobRunId(run)).build();
            pending.add(DataBuildEvent.newBuilder().setWantCreateV1(want(source, missing)).build());
        }
        return JobRunMissingDepsEventV1.newBuilder().setJobRunId(run).addMissingDeps(md).addAllReadDeps(reads(run)).build();
    }

    private List<ReadDeps> reads(String run) {
        List<String> outputs = runRefs.get(run);
        List<String> read = pick(built, c.below(4), Set.copyOf(outputs));
        if (read.isEmpty()) {
            return List.of();
        }
        var rd = ReadDeps.newBuilder();
        read.forEach(r -> rd.addRead(ref(r)));
        if (c.chance(30)) {
            rd.addImpacted(ref(outputs.get(c.below(outputs.size()))));
        }
        return List.of(rd.build());
    }

    /** Ends a random open run and returns it. */
    private String end() {
        String run = openRuns.get(c.below(openRuns.size()));
        openRuns.remove(run);
        runStage.remove(run);
        return run;
    }

    private void markBuilt(String ref) {
        if (builtSet.add(ref)) {
            built.add(ref);
        }
    }

    /** Up to n distinct refs, from {@code from} or (null) the growing ref space, none in {@code except}. */
    private List<String> pick(List<String> from, int n, Set<String> except) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n * 3 && out.size() < n; i++) {
            String r;
            if (from == null) {
                if (c.chance(25)) {
                    refSpace++;
                }
                r = ns + "/data/p" + c.below(refSpace);
            } else if (from.isEmpty()) {
                break;
            } else {
                r = from.get(c.below(from.size()));
            }
            if (!except.contains(r)) {
                out.add(r);
            }
        }
        if (from == null && out.isEmpty()) {
            out.add(ns + "/data/p" + (refSpace++));
        }
        return new ArrayList<>(out);
    }

    private EventSource manual() {
        return EventSource.newBuilder().setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser("user-" + c.below(5))).build();
    }

    private String text() {
        return TEXT[c.below(TEXT.length)];
    }
}
