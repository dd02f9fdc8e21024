package dev.databuild.lineage.generator;

import dev.databuild.lineage.generator.GeneratorState.Status;
import dev.databuild.lineage.generator.GeneratorState.Want;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.ReadDeps;
import java.util.ArrayList;
import java.util.List;

/**
 * Gets one ref built on behalf of some wants, across as many runs as it takes: waits for the ref's
 * build lock, runs, retries failures, and on a dep-miss spawns derivative work (child tasks) and
 * retries once all of it is Live. This is where dep-miss chains of any depth come from.
 */
final class GeneratorTask extends GeneratorState.Proc {

    private static final int MAX_ATTEMPTS = 4;
    private static final String[] FAILURES = {"exit code 1", "OOMKilled", "timeout after 3600s",
        "upstream schema mismatch", "spot instance preempted"};
    private static final int ACQUIRE = 0;
    private static final int RUNNING = 1;
    private static final int RESTART = 2;

    private final GeneratorState g;
    private final GeneratorDag dag;
    final int ref;
    final int chain;
    private final List<Want> wants;
    /** A rebuild runs even though the ref is Live; a first build is satisfied by anyone's success. */
    private final boolean rebuild;
    private final GeneratorTask parent;
    /** Hub work must complete however the log is cut short, so it ignores the stop and gives up never. */
    private final boolean exempt;
    private int state = ACQUIRE;
    private int attempts;
    private String runId;
    private boolean queue;
    private boolean cancel;
    private int beatsLeft;
    private int pendingSubs;
    private boolean subFailed;
    private ArrayList<GeneratorTask> lockWaiters;

    GeneratorTask(GeneratorState g, int ref, List<Want> wants, boolean rebuild, GeneratorTask parent,
                  int chain, boolean exempt) {
        this.g = g;
        this.dag = g.dag;
        this.ref = ref;
        this.wants = wants;
        this.rebuild = rebuild;
        this.parent = parent;
        this.chain = chain;
        this.exempt = exempt;
    }

    @Override
    boolean runInFlight() {
        return state == RUNNING;
    }

    @Override
    Status step() {
        if (state == RUNNING) {
            return runStep();
        }
        if (state == RESTART) {
            return subFailed ? finish(false) : startRun();
        }
        GeneratorTask holder = (GeneratorTask) dag.holder[ref];
        if (holder != null && holder != this) {
            if (holder.lockWaiters == null) {
                holder.lockWaiters = new ArrayList<>();
            }
            holder.lockWaiters.add(this);
            return Status.PARKED;
        }
        if (!rebuild && dag.everLive[ref]) {
            return finish(true); // someone else's run built it while we waited
        }
        dag.holder[ref] = this;
        return startRun();
    }

    private Status startRun() {
        boolean wantsGone = !wants.isEmpty();
        for (Want want : wants) {
            wantsGone &= want.canceled;
        }
        if ((g.hardStopped() && !exempt) || wantsGone) {
            return finish(false);
        }
        runId = g.newRunId();
        g.emitBuffer(runId, dag.labels[ref], dag.proto[ref], wants);
        state = RUNNING;
        queue = g.rng.nextInt(10) < 6;
        beatsLeft = 1 + g.rng.nextInt(3);
        cancel = g.rng.nextDouble() < g.p.cancelRunRate();
        return Status.CONTINUE;
    }

    private Status runStep() {
        if (queue) {
            queue = false;
            g.emit(GeneratorEvents.queue(runId));
            return Status.CONTINUE;
        }
        if (beatsLeft > 0) {
            beatsLeft--;
            g.emit(GeneratorEvents.heartbeat(runId));
            return Status.CONTINUE;
        }
        return terminal();
    }

    private Status terminal() {
        if (cancel) {
            g.emit(GeneratorEvents.cancel(runId, g.manual(), "canceled by operator"));
            state = RESTART;
            return g.rng.nextBoolean() || exempt ? Status.CONTINUE : finish(false);
        }
        int[] missing = dag.missingDeps(ref);
        if (missing.length > 0) {
            return depMiss(missing);
        }
        if (g.rng.nextDouble() < g.p.failureRate()) {
            g.emit(GeneratorEvents.failure(runId, FAILURES[g.rng.nextInt(FAILURES.length)]));
            state = RESTART;
            return ++attempts < MAX_ATTEMPTS || exempt ? Status.CONTINUE : finish(false);
        }
        int[] inputs = dag.deps[ref];
        g.emit(GeneratorEvents.success(runId, inputs.length > 0 ? dag.readDeps(ref, inputs) : null));
        dag.markLive(ref);
        return finish(true);
    }

    private Status depMiss(int[] missing) {
        int[] present = dag.liveDeps(ref);
        ReadDeps read = present.length > 0 ? dag.readDeps(ref, present) : null;
        g.emit(GeneratorEvents.missingDeps(runId, dag.proto[ref], dag.protos(missing), read));
        // Derivative wants follow the dep-miss immediately, sometimes one want for all the refs.
        EventSource source = GeneratorEvents.jobTriggered(runId);
        Want grouped = missing.length > 1 && g.rng.nextBoolean() ? g.createWant(source, missing) : null;
        List<GeneratorTask> subs = new ArrayList<>(missing.length);
        for (int m : missing) {
            Want want = grouped != null ? grouped : g.createWant(source, new int[] {m});
            subs.add(new GeneratorTask(g, m, List.of(want), false, this, 0, exempt));
        }
        pendingSubs = missing.length;
        subFailed = false;
        state = RESTART;
        subs.forEach(g::wake);
        return Status.PARKED;
    }

    private void subDone(boolean ok) {
        subFailed |= !ok;
        if (--pendingSubs == 0) {
            g.wake(this);
        }
    }

    private Status finish(boolean ok) {
        if (dag.holder[ref] == this) {
            dag.holder[ref] = null;
        }
        if (!ok) {
            dag.buildAbandoned(ref);
        }
        if (lockWaiters != null) {
            lockWaiters.forEach(g::wake);
            lockWaiters = null;
        }
        if (parent != null) {
            parent.subDone(ok);
        } else {
            g.rootFinished(this, ok);
        }
        return Status.DONE;
    }
}
