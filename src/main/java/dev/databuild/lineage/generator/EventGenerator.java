package dev.databuild.lineage.generator;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.Iterator;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Deterministic generator of valid Build Event Logs simulating a databuild deployment: a layered
 * DAG of refs built through wants, dep-miss cascades (derivative wants, then retries), failures
 * with retries, run and want cancels, taints and rebuilds, plus an optional "hub" ref read by many
 * cheap leaf runs.
 *
 * <p>Events are produced lazily, so benchmarks can stream millions of them; memory grows with the
 * number of refs, not the number of events. The same {@link Params} always yield the same bytes.
 */
public final class EventGenerator implements Iterable<DataBuildEvent> {

    /** The designated hub ref that {@link Params#hubConsumers()} distinct successful runs read. */
    public static final String HUB_REF = "hub/events";

    private final Params params;

    public EventGenerator(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public Params params() {
        return params;
    }

    /** A fresh, independent pass over the sequence; each call starts from the beginning. */
    @Override
    public Iterator<DataBuildEvent> iterator() {
        return new GeneratorState(params);
    }

    public Stream<DataBuildEvent> stream() {
        int characteristics = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), characteristics), false);
    }

    public void generate(Consumer<? super DataBuildEvent> sink) {
        iterator().forEachRemaining(sink);
    }

    /**
     * Shape and behaviour of a generated log.
     *
     * @param seed           seeds every random choice
     * @param targetEvents   approximate length; new work stops near it and in-flight work is finished
     * @param firstEventId   event_id of the first event (ids then increase by one)
     * @param startMillis    timestamps start just after this and grow 1..50 ms per event
     * @param refCount       number of DAG refs ({@code data/lLL/pPPPP}), spread over the layers
     * @param layers         DAG depth: a ref in layer L always reads a ref of layer L-1
     * @param maxFanIn       a ref of layer L>0 reads 1..maxFanIn refs of lower layers
     * @param hubConsumers   distinct successful leaf runs reading {@link #HUB_REF}; 0 = no hub
     * @param concurrency    how many top-level pieces of work may interleave
     * @param depMissRate    share of first builds wanted before their inputs exist (dep-miss cascades)
     * @param failureRate    chance a run attempt fails (then retried by a new run of the same job)
     * @param cancelRunRate  chance a run is canceled (then re-planned or abandoned)
     * @param wantCancelRate chance a user's want is later canceled
     * @param taintRate      chance a new piece of work is a taint (sometimes canceled, sometimes rebuilt)
     * @param rebuildRate    chance a new piece of work rebuilds an existing ref (history of instances)
     * @param leaveInFlight  share of running runs left without a terminal event when the log ends
     */
    public record Params(long seed, long targetEvents, long firstEventId, long startMillis,
                         int refCount, int layers, int maxFanIn, int hubConsumers, int concurrency,
                         double depMissRate, double failureRate, double cancelRunRate,
                         double wantCancelRate, double taintRate, double rebuildRate,
                         double leaveInFlight) {

        public Params {
            require(targetEvents >= 1, "targetEvents must be >= 1");
            require(firstEventId >= 1, "firstEventId must be >= 1 (0 means 'unassigned' in the contract)");
            require(startMillis > 0, "startMillis must be > 0");
            require(layers >= 1, "layers must be >= 1");
            require(refCount >= layers, "refCount must be >= layers (every layer needs a ref)");
            require(maxFanIn >= 1, "maxFanIn must be >= 1");
            require(hubConsumers >= 0, "hubConsumers must be >= 0");
            require(concurrency >= 1, "concurrency must be >= 1");
            for (double rate : new double[] {depMissRate, failureRate, cancelRunRate, wantCancelRate,
                    taintRate, rebuildRate, leaveInFlight}) {
                require(rate >= 0 && rate <= 1, "rates must be within [0, 1]");
            }
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder().seed(seed).targetEvents(targetEvents).firstEventId(firstEventId)
                    .startMillis(startMillis).refCount(refCount).layers(layers).maxFanIn(maxFanIn)
                    .hubConsumers(hubConsumers).concurrency(concurrency).depMissRate(depMissRate)
                    .failureRate(failureRate).cancelRunRate(cancelRunRate).wantCancelRate(wantCancelRate)
                    .taintRate(taintRate).rebuildRate(rebuildRate).leaveInFlight(leaveInFlight);
        }

        /** About 3,000 events: 150 refs in 10 layers, a hub read by 50 runs, every kind of event. */
        public static Params demo(long seed) {
            return builder().seed(seed).targetEvents(3_000).refCount(150).layers(10).maxFanIn(3)
                    .hubConsumers(50).concurrency(4).taintRate(0.06).build();
        }

        /**
         * A small log whose shape (depth, fan-in, hub, concurrency) also varies with the seed, with
         * rates high enough that short logs still contain dep-misses, failures, cancels and taints.
         */
        public static Params small(long seed, long events) {
            SplittableRandom shape = new SplittableRandom(seed ^ 0x5DEECE66DL);
            int layers = 1 + shape.nextInt(5);
            int refCount = Math.max(layers, (int) Math.min(events / 8, 400) + shape.nextInt(3));
            int hub = shape.nextBoolean() ? 0 : 1 + shape.nextInt((int) Math.max(1, Math.min(events / 40, 50)));
            return builder().seed(seed).targetEvents(events).refCount(refCount).layers(layers)
                    .maxFanIn(1 + shape.nextInt(3)).hubConsumers(hub).concurrency(1 + shape.nextInt(4))
                    .depMissRate(0.5).failureRate(0.1).cancelRunRate(0.05).wantCancelRate(0.1)
                    .taintRate(0.1).rebuildRate(0.3).build();
        }

        /**
         * A large log: {@code maxDepth} layers, the hub read by {@code hubConsumers} leaf runs
         * (about 3.1 events each), and enough refs that their first builds take roughly half of the
         * remaining events; rebuilds fill the rest.
         */
        public static Params benchmark(long seed, long events, int hubConsumers, int maxDepth) {
            long dagEvents = Math.max(events - (long) (3.1 * hubConsumers), events / 10);
            int refCount = (int) Math.max(maxDepth, Math.min(Integer.MAX_VALUE / 2, dagEvents / 14));
            return builder().seed(seed).targetEvents(events).refCount(refCount).layers(maxDepth)
                    .maxFanIn(3).hubConsumers(hubConsumers).concurrency(8).depMissRate(0.2)
                    .failureRate(0.03).cancelRunRate(0.01).wantCancelRate(0.02).taintRate(0.01)
                    .rebuildRate(0.4).build();
        }

        /** Mutable companion of {@link Params}; the defaults describe a modest, busy deployment. */
        public static final class Builder {
            private long seed = 1;
            private long targetEvents = 1_000;
            private long firstEventId = 1;
            private long startMillis = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
            private int refCount = 60;
            private int layers = 6;
            private int maxFanIn = 3;
            private int hubConsumers;
            private int concurrency = 4;
            private double depMissRate = 0.3;
            private double failureRate = 0.05;
            private double cancelRunRate = 0.02;
            private double wantCancelRate = 0.05;
            private double taintRate = 0.03;
            private double rebuildRate = 0.3;
            private double leaveInFlight;

            private Builder() {
            }

            public Builder seed(long v) { seed = v; return this; }
            public Builder targetEvents(long v) { targetEvents = v; return this; }
            public Builder firstEventId(long v) { firstEventId = v; return this; }
            public Builder startMillis(long v) { startMillis = v; return this; }
            public Builder refCount(int v) { refCount = v; return this; }
            public Builder layers(int v) { layers = v; return this; }
            public Builder maxFanIn(int v) { maxFanIn = v; return this; }
            public Builder hubConsumers(int v) { hubConsumers = v; return this; }
            public Builder concurrency(int v) { concurrency = v; return this; }
            public Builder depMissRate(double v) { depMissRate = v; return this; }
            public Builder failureRate(double v) { failureRate = v; return this; }
            public Builder cancelRunRate(double v) { cancelRunRate = v; return this; }
            public Builder wantCancelRate(double v) { wantCancelRate = v; return this; }
            public Builder taintRate(double v) { taintRate = v; return this; }
            public Builder rebuildRate(double v) { rebuildRate = v; return this; }
            public Builder leaveInFlight(double v) { leaveInFlight = v; return this; }

            public Params build() {
                return new Params(seed, targetEvents, firstEventId, startMillis, refCount, layers,
                        maxFanIn, hubConsumers, concurrency, depMissRate, failureRate, cancelRunRate,
                        wantCancelRate, taintRate, rebuildRate, leaveInFlight);
            }
        }
    }
}
