package dev.databuild.lineage.generator;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.PartitionRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One pass of {@link EventGenerator}: a small cooperative scheduler over "processes" (build tasks,
 * hub leaf runs, delayed cancels). Each scheduler step advances one randomly chosen ready process,
 * which is what interleaves concurrent work in the log. Processes waiting on something are parked
 * (not in the ready list) and woken by whoever they wait on, so a step costs O(1).
 *
 * <p>Per-ref state (ever Live, who holds the build lock) is what keeps the log valid: a run only
 * reads refs that were Live before, and a dep-miss only names refs that never were.
 */
final class GeneratorState implements Iterator<DataBuildEvent> {

    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin"};

    enum Status { CONTINUE, PARKED, DONE }

    final EventGenerator.Params p;
    final SplittableRandom rng;
    final GeneratorDag dag;
    private final int hub;

    private final ArrayList<Proc> ready = new ArrayList<>();
    private final ArrayDeque<DataBuildEvent> out = new ArrayDeque<>();
    private final long drainAt;
    private final long stopAt;
    private long nextEventId;
    private long timestamp;
    private long emitted;
    private boolean draining;
    private boolean hardStop;
    private boolean finished;
    private boolean deepStarted;
    private int roots;
    private int hubStarted;
    private GeneratorTask hubTask;
    private int runSeq;
    private int wantSeq;
    private int taintSeq;

    GeneratorState(EventGenerator.Params p) {
        this.p = p;
        SplittableRandom root = new SplittableRandom(p.seed());
        // The graph gets its own stream so its shape does not depend on how events interleave.
        this.dag = new GeneratorDag(p, root.split());
        this.rng = root;
        this.hub = dag.hub;
        this.nextEventId = p.firstEventId();
        this.timestamp = p.startMillis();
        long target = p.targetEvents();
        // Stop new work a little early so finishing what is in flight lands near the target; past
        // stopAt no new run starts, which bounds the overshoot of a deep cascade caught mid-way.
        this.drainAt = target - Math.min(target / 50, 40L * p.concurrency());
        this.stopAt = target + Math.max(20, target / 20);
    }

    @Override
    public boolean hasNext() {
        if (out.isEmpty() && !finished) {
            advance();
        }
        return !out.isEmpty();
    }

    @Override
    public DataBuildEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return out.poll();
    }

    private void advance() {
        while (out.isEmpty()) {
            if (!draining && emitted >= drainAt) {
                beginDrain();
            }
            hardStop |= emitted >= stopAt;
            if (startHubWork()) {
                continue;
            }
            boolean wantMore = !draining && roots < p.concurrency() && (ready.isEmpty() || rng.nextInt(3) == 0);
            if (wantMore && startEpisode()) {
                continue;
            }
            if (ready.isEmpty()) {
                finished = true;
                return;
            }
            Proc proc = ready.get(rng.nextInt(ready.size()));
            if (proc.step() != Status.CONTINUE) {
                unready(proc);
            }
        }
    }

    private void beginDrain() {
        draining = true;
        if (p.leaveInFlight() > 0) {
            for (Proc proc : new ArrayList<>(ready)) {
                if (proc.runInFlight() && rng.nextDouble() < p.leaveInFlight()) {
                    unready(proc); // frozen: its run never gets a terminal event
                }
            }
        }
    }

    void wake(Proc proc) {
        if (proc.slot < 0) {
            proc.slot = ready.size();
            ready.add(proc);
        }
    }

    private void unready(Proc proc) {
        int slot = proc.slot;
        Proc last = ready.remove(ready.size() - 1);
        if (last != proc) {
            ready.set(slot, last);
            last.slot = slot;
        }
        proc.slot = -1;
    }

    // ---- choosing new work ----

    /** Hub work is exempt from draining: the hub must end up read by exactly hubConsumers runs. */
    private boolean startHubWork() {
        if (hub < 0 || hubStarted >= p.hubConsumers()) {
            return false;
        }
        if (!dag.everLive[hub]) {
            if (hubTask != null) {
                return false;
            }
            hubTask = new GeneratorTask(this, hub, List.of(createWant(manual(), new int[] {hub})), true, null, 0, true);
            wake(hubTask);
            return true;
        }
        long due = draining ? p.hubConsumers()
                : (long) Math.ceil(p.hubConsumers() * Math.min(1.0, emitted / (0.85 * p.targetEvents())));
        if (hubStarted < due) {
            wake(new LeafRun(hubStarted++));
            return true;
        }
        return false;
    }

    private boolean startEpisode() {
        boolean anyLive = dag.live.size() > 0;
        if (anyLive && rng.nextDouble() < p.taintRate()) {
            startTaint();
            return true;
        }
        if (anyLive && (dag.unbuilt.size() == 0 || rng.nextDouble() < p.rebuildRate())) {
            startRebuild();
            return true;
        }
        if (dag.unbuilt.size() > 0 && startFirstBuild()) {
            return true;
        }
        if (anyLive) {
            startRebuild();
            return true;
        }
        return false;
    }

    private boolean startFirstBuild() {
        int ref = -1;
        // The first deep pick is the top layer so every run has at least one full-depth cascade.
        boolean deep = dag.layers > 1 && p.depMissRate() > 0 && (!deepStarted || rng.nextDouble() < p.depMissRate());
        if (deep) {
            ref = deepStarted ? dag.pickUnbuilt(rng, true) : dag.pickTopLayer(rng);
            deepStarted |= ref >= 0;
        }
        if (ref < 0) {
            ref = dag.pickFrontier(rng);
        }
        if (ref < 0) {
            ref = dag.pickUnbuilt(rng, false);
        }
        if (ref < 0) {
            return false;
        }
        int[] refs = rng.nextInt(5) == 0 ? dag.withSiblings(ref, 1 + rng.nextInt(2)) : new int[] {ref};
        Want want = createWant(manual(), refs);
        for (int r : refs) {
            startRoot(new GeneratorTask(this, r, List.of(want), false, null, 0, false));
        }
        return true;
    }

    private void startRebuild() {
        int ref = dag.live.get(rng.nextInt(dag.live.size()));
        // Scheduled rebuilds carry no want: a run may be attributed to none.
        List<Want> wants = rng.nextInt(5) < 3 ? List.of(createWant(manual(), new int[] {ref})) : List.of();
        int chain = rng.nextInt(4) == 0 ? 1 + rng.nextInt(3) : 0;
        startRoot(new GeneratorTask(this, ref, wants, true, null, chain, false));
    }

    private void startTaint() {
        int[] refs = dag.pickLive(rng, 1 + rng.nextInt(3));
        String taintId = GeneratorDag.padded("T-", ++taintSeq, 6);
        emit(GeneratorEvents.taintCreate(taintId, dag.protos(refs), manual(), "bad upstream data reported"));
        if (rng.nextBoolean()) {
            wake(new Delayed(null, taintId, 5 + rng.nextInt(60)));
        }
        if (rng.nextBoolean()) {
            Want want = createWant(manual(), refs);
            for (int r : refs) {
                startRoot(new GeneratorTask(this, r, List.of(want), true, null, 0, false));
            }
        }
    }

    private void startRoot(GeneratorTask task) {
        roots++;
        wake(task);
    }

    Want createWant(EventSource source, int[] refs) {
        Want want = new Want(GeneratorDag.padded("W-", ++wantSeq, 6));
        emit(GeneratorEvents.wantCreate(want.id, dag.protos(refs), timestamp, 7 * 86_400L,
                3_600L * (1 + rng.nextInt(24)), source));
        if (source.hasManuallyTriggered() && rng.nextDouble() < p.wantCancelRate()) {
            wake(new Delayed(want, null, 5 + rng.nextInt(60)));
        }
        return want;
    }

    EventSource manual() {
        return GeneratorEvents.manual(USERS[rng.nextInt(USERS.length)]);
    }

    void emit(DataBuildEvent.Builder event) {
        timestamp += 1 + rng.nextInt(50);
        out.add(event.setEventId(nextEventId++).setTimestamp(timestamp).build());
        emitted++;
    }

    String newRunId() {
        return GeneratorDag.padded("JR-", ++runSeq, 6);
    }

    /** Canceled wants are left out: nothing new is done on behalf of a canceled want. */
    void emitBuffer(String runId, String label, PartitionRef ref, List<Want> wants) {
        List<String> wantIds = new ArrayList<>(wants.size());
        for (Want want : wants) {
            if (!want.canceled) {
                wantIds.add(want.id);
            }
        }
        emit(GeneratorEvents.buffer(runId, label, ref, wantIds));
    }

    boolean hardStopped() {
        return hardStop;
    }

    /** A top-level task is over: free its slot, and maybe carry a rebuild on downstream. */
    void rootFinished(GeneratorTask task, boolean ok) {
        if (task == hubTask) {
            hubTask = null;
            return;
        }
        roots--;
        int next = ok && task.chain > 0 && !draining ? dag.pickLiveConsumer(rng, task.ref) : -1;
        if (next >= 0) {
            // Newer inputs then show up in their consumers' history too.
            startRoot(new GeneratorTask(this, next, List.of(), true, null, task.chain - 1, false));
        }
    }

    // ---- processes ----

    abstract static class Proc {
        int slot = -1;

        abstract Status step();

        /** Buffered and not yet terminal: what leaveInFlight may freeze. */
        abstract boolean runInFlight();
    }

    static final class Want {
        final String id;
        boolean canceled;

        Want(String id) {
            this.id = id;
        }
    }

    /** A cheap hub consumer: buffer, heartbeat, success reading the hub (and maybe one more ref). */
    private final class LeafRun extends Proc {
        final PartitionRef ref;
        final String label;
        int stage;
        String runId;
        List<Want> wants = List.of();

        LeafRun(int index) {
            String name = GeneratorDag.padded("leaf/h", index, 6);
            this.ref = PartitionRef.newBuilder().setRef(name).build();
            this.label = "//jobs:" + name.replace('/', '_');
        }

        @Override
        boolean runInFlight() {
            return stage >= 2;
        }

        @Override
        Status step() {
            switch (stage++) {
                case 0:
                    if (rng.nextInt(10) == 0) {
                        Want want = new Want(GeneratorDag.padded("W-", ++wantSeq, 6));
                        emit(GeneratorEvents.wantCreate(want.id, List.of(ref), timestamp, 86_400L, 3_600L, manual()));
                        wants = List.of(want);
                        return Status.CONTINUE;
                    }
                    return step();
                case 1:
                    runId = newRunId();
                    emitBuffer(runId, label, ref, wants);
                    return Status.CONTINUE;
                case 2:
                    emit(GeneratorEvents.heartbeat(runId));
                    return Status.CONTINUE;
                default:
                    List<PartitionRef> reads = dag.live.size() > 0 && rng.nextInt(10) < 3
                            ? List.of(dag.proto[hub], dag.proto[dag.live.get(rng.nextInt(dag.live.size()))])
                            : List.of(dag.proto[hub]);
                    emit(GeneratorEvents.success(runId, GeneratorEvents.readDeps(ref, reads)));
                    return Status.DONE;
            }
        }
    }

    /** A want or taint cancel that happens a while after its create. */
    private final class Delayed extends Proc {
        final Want want;
        final String taintId;
        int delay;

        Delayed(Want want, String taintId, int delay) {
            this.want = want;
            this.taintId = taintId;
            this.delay = delay;
        }

        @Override
        boolean runInFlight() {
            return false;
        }

        @Override
        Status step() {
            if (!draining && delay-- > 0) {
                return Status.CONTINUE;
            }
            if (want != null && !want.canceled) {
                want.canceled = true;
                emit(GeneratorEvents.wantCancel(want.id, manual(), "no longer needed"));
            } else if (taintId != null) {
                emit(GeneratorEvents.taintCancel(taintId, manual(), "false alarm"));
            }
            return Status.DONE;
        }
    }
}
