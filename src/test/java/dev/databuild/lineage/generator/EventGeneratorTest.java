package dev.databuild.lineage.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.databuild.lineage.generator.EventGenerator.Params;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.proto.ReadDeps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    @Test
    void sameParamsGiveByteIdenticalLogsAndSeedsDiffer() {
        Params demo = Params.demo(7);
        List<DataBuildEvent> viaIterator = new ArrayList<>();
        new EventGenerator(demo).iterator().forEachRemaining(viaIterator::add);
        List<DataBuildEvent> viaGenerate = new ArrayList<>();
        new EventGenerator(demo).generate(viaGenerate::add);

        assertThat(viaGenerate).isEqualTo(viaIterator);
        assertThat(new EventGenerator(demo).stream().toList()).isEqualTo(viaIterator);
        assertThat(digest(new EventGenerator(demo))).isEqualTo(digest(new EventGenerator(Params.demo(7))));
        assertThat(digest(new EventGenerator(Params.demo(8)))).isNotEqualTo(digest(new EventGenerator(demo)));
        assertThat(digest(new EventGenerator(Params.small(3, 300))))
                .isEqualTo(digest(new EventGenerator(Params.small(3, 300))))
                .isNotEqualTo(digest(new EventGenerator(Params.small(4, 300))));
    }

    @Test
    void idsAreConsecutiveFromFirstEventIdAndTimestampsGrow() {
        Params params = Params.small(11, 500).toBuilder().firstEventId(1_000).startMillis(5_000).build();
        long expectedId = 1_000;
        long lastTs = 5_000;
        for (DataBuildEvent e : new EventGenerator(params)) {
            assertThat(e.getEventId()).isEqualTo(expectedId++);
            assertThat(e.getTimestamp() - lastTs).isBetween(1L, 50L);
            lastTs = e.getTimestamp();
        }
        assertThat(expectedId - 1_000).isGreaterThan(400);
    }

    @Test
    void streamsLazilyWhateverTheTarget() {
        Params endless = Params.small(5, 200).toBuilder().targetEvents(1_000_000_000_000L).build();
        assertThat(new EventGenerator(endless).stream().limit(50_000).count()).isEqualTo(50_000);
    }

    @Test
    void demoIsValidAndUsesEveryKindOfEvent() {
        Stats s = LogChecker.check(new EventGenerator(Params.demo(1)));

        assertThat(s.countsByCase.keySet()).containsAll(Arrays.stream(DataBuildEvent.EventCase.values())
                .filter(c -> c != DataBuildEvent.EventCase.EVENT_NOT_SET).toList());
        assertThat(s.events).isBetween(2_700L, 3_300L);
        assertThat(s.openRuns).isZero();
        assertThat(s.hubReaders).isEqualTo(50);
        assertThat(s.maxDepth).isGreaterThanOrEqualTo(9);
        assertThat(s.maxDepMissChain).isGreaterThanOrEqualTo(2);
        assertThat(s.failedThenRetried).isPositive();
        assertThat(s.depMissThenRetriedOk).isPositive();
        assertThat(s.refsRebuilt).isPositive();
    }

    @Test
    void smallLogsAreValidForManySeeds() {
        long runsLeftOpen = 0;
        for (long seed = 1; seed <= 150; seed++) {
            long events = 10 + (seed * 37) % 400;
            Stats s = LogChecker.check(new EventGenerator(Params.small(seed, events)));
            assertThat(s.openRuns).as("seed %d", seed).isZero();
            assertThat(s.events).as("seed %d", seed).isPositive();

            Params leaving = Params.small(seed, events).toBuilder().leaveInFlight(0.5).build();
            runsLeftOpen += LogChecker.check(new EventGenerator(leaving)).openRuns;
        }
        assertThat(runsLeftOpen).as("leaveInFlight leaves some runs without a terminal event").isPositive();
    }

    @Test
    void benchmarkPresetIsValidDeepAndHubHeavy() {
        Params params = Params.benchmark(42, 50_000, 2_000, 50);
        Stats s = LogChecker.check(new EventGenerator(params));

        assertThat(s.hubReaders).isEqualTo(2_000);
        assertThat(s.maxDepMissChain).isGreaterThanOrEqualTo(2);
        assertThat(s.failedThenRetried).isPositive();
        assertThat(s.depMissThenRetriedOk).isPositive();
        assertThat(s.countsByCase.get(DataBuildEvent.EventCase.TAINT_CREATE_V1)).isPositive();
        assertThat(s.maxDepth).isGreaterThanOrEqualTo(40);
        assertThat(s.events).isBetween(45_000L, 55_000L);
        assertThat(s.openRuns).isZero();
        System.out.printf("benchmark(42, 50k, hub 2000, depth 50): %s%n", s);
    }

    @Test
    void reportsGeneratorSpeed() {
        long[] probe = timeToGenerate(Params.benchmark(1, 200_000, 20_000, 50));
        long[] result = probe;
        // The 200k probe also warms the JIT. 1M only when predicted under 2.5 s (well inside the
        // 10 s limit) so the whole class stays under 5 s on a loaded machine.
        if (probe[1] * 5 < 2_500_000_000L) {
            result = timeToGenerate(Params.benchmark(1, 1_000_000, 100_000, 50));
        }
        double seconds = result[1] / 1e9;
        System.out.printf("EventGenerator: %,d events in %.2f s = %,.0f events/s%n", result[0], seconds, result[0] / seconds);
    }

    @Test
    void rejectsNonsenseParams() {
        assertThatThrownBy(() -> Params.builder().layers(10).refCount(5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Params.builder().failureRate(1.5).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Params.builder().firstEventId(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {events generated, nanoseconds taken}. */
    private static long[] timeToGenerate(Params params) {
        long start = System.nanoTime();
        long[] count = {0};
        new EventGenerator(params).generate(e -> count[0]++);
        long nanos = System.nanoTime() - start;
        assertThat(count[0]).isBetween(params.targetEvents() * 9 / 10, params.targetEvents() * 11 / 10);
        return new long[] {count[0], nanos};
    }

    private static String digest(EventGenerator generator) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            generator.generate(e -> sha.update(e.toByteArray()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a checked log contained, for the shape assertions. */
    static final class Stats {
        long events;
        final Map<DataBuildEvent.EventCase, Long> countsByCase = new EnumMap<>(DataBuildEvent.EventCase.class);
        long openRuns;
        int hubReaders;
        int maxDepth;
        int maxDepMissChain;
        long failedThenRetried;
        long depMissThenRetriedOk;
        long refsRebuilt;

        @Override
        public String toString() {
            return "events=" + events + " openRuns=" + openRuns + " hubReaders=" + hubReaders + " maxDepth=" + maxDepth
                    + " maxDepMissChain=" + maxDepMissChain + " failedThenRetried=" + failedThenRetried
                    + " depMissThenRetriedOk=" + depMissThenRetriedOk + " refsRebuilt=" + refsRebuilt
                    + " counts=" + countsByCase;
        }
    }

    /**
     * An independent, in-memory reading of the contract's rules: throws AssertionError on the first
     * event the service would have to reject (or that breaks the generator's own promises).
     */
    static final class LogChecker {
        private static final Pattern WANT_ID = Pattern.compile("W-\\d{6,}");
        private static final Pattern RUN_ID = Pattern.compile("JR-\\d{6,}");
        private static final Pattern TAINT_ID = Pattern.compile("T-\\d{6,}");
        private static final Pattern DATA_REF = Pattern.compile("data/l(\\d{2,})/p\\d{4,}");
        private static final Pattern LEAF_REF = Pattern.compile("leaf/h\\d{6,}");

        private enum RunStatus { BUFFERED, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED, DEP_MISS }

        private static final class Run {
            final String label;
            final List<String> refs;
            final int chain;
            RunStatus status = RunStatus.BUFFERED;
            Set<String> missing = Set.of();

            Run(String label, List<String> refs, int chain) {
                this.label = label;
                this.refs = refs;
                this.chain = chain;
            }

            boolean terminal() {
                return status.ordinal() >= RunStatus.SUCCEEDED.ordinal();
            }
        }

        private final Stats stats = new Stats();
        private final Map<String, Boolean> wantCanceled = new HashMap<>();
        private final Map<String, String> wantSourceRun = new HashMap<>();
        private final Map<String, Run> runs = new HashMap<>();
        private final Map<String, Boolean> taintCanceled = new HashMap<>();
        private final Map<String, String> labelOfRef = new HashMap<>();
        private final Map<String, Integer> builds = new HashMap<>();
        private final Set<String> everLive = new HashSet<>();
        private final Map<String, Integer> depth = new HashMap<>();
        private final Set<String> hubReaders = new HashSet<>();
        private final Set<String> failedLabels = new HashSet<>();
        private final Set<String> depMissLabels = new HashSet<>();
        private long lastId;
        private long lastTs;
        /** After a dep-miss: its run, and the missing refs no derivative want has named yet. */
        private String derivativeOf;
        private final Set<String> awaitingDerivative = new HashSet<>();

        static Stats check(Iterable<DataBuildEvent> log) {
            LogChecker checker = new LogChecker();
            Iterator<DataBuildEvent> it = log.iterator();
            while (it.hasNext()) {
                DataBuildEvent e = it.next();
                try {
                    checker.apply(e);
                } catch (AssertionError failure) {
                    throw new AssertionError("event " + e.getEventId() + " " + e.getEventCase() + ": "
                            + failure.getMessage() + "\n" + e, failure);
                }
            }
            checker.require(checker.awaitingDerivative.isEmpty(), "log ends before derivative wants for " + checker.awaitingDerivative);
            checker.stats.openRuns = checker.runs.values().stream().filter(r -> !r.terminal()).count();
            checker.stats.hubReaders = checker.hubReaders.size();
            checker.stats.refsRebuilt = checker.builds.values().stream().filter(n -> n > 1).count();
            return checker.stats;
        }

        private void require(boolean ok, String message) {
            if (!ok) {
                throw new AssertionError(message);
            }
        }

        private void apply(DataBuildEvent e) {
            require(e.getTimestamp() > 0 && e.getTimestamp() > lastTs, "timestamps must be positive and grow");
            require(e.getEventId() > lastId, "event ids must strictly increase");
            lastTs = e.getTimestamp();
            lastId = e.getEventId();
            stats.events++;
            stats.countsByCase.merge(e.getEventCase(), 1L, Long::sum);
            if (!awaitingDerivative.isEmpty()) {
                require(e.hasWantCreateV1() && e.getWantCreateV1().getSource().hasJobTriggered()
                        && e.getWantCreateV1().getSource().getJobTriggered().getJobRunId().equals(derivativeOf),
                        "derivative wants must follow the dep-miss of " + derivativeOf + " directly");
            }
            switch (e.getEventCase()) {
                case WANT_CREATE_V1 -> wantCreate(e);
                case WANT_CANCEL_V1 -> {
                    String id = e.getWantCancelV1().getWantId();
                    require(Boolean.FALSE.equals(wantCanceled.get(id)), "cancel of unknown or canceled want " + id);
                    wantCanceled.put(id, true);
                }
                case JOB_RUN_BUFFER_V1 -> buffer(e);
                case JOB_RUN_QUEUE_V1 -> {
                    Run run = open(e.getJobRunQueueV1().getJobRunId());
                    require(run.status == RunStatus.BUFFERED, "queue after " + run.status);
                    run.status = RunStatus.QUEUED;
                }
                case JOB_RUN_HEARTBEAT_V1 -> open(e.getJobRunHeartbeatV1().getJobRunId()).status = RunStatus.RUNNING;
                case JOB_RUN_SUCCESS_V1 -> success(e);
                case JOB_RUN_FAILURE_V1 -> {
                    Run run = ending(e.getJobRunFailureV1().getJobRunId());
                    require(!e.getJobRunFailureV1().getReason().isEmpty(), "failure without reason");
                    run.status = RunStatus.FAILED;
                    failedLabels.add(run.label);
                }
                case JOB_RUN_CANCEL_V1 -> ending(e.getJobRunCancelV1().getJobRunId()).status = RunStatus.CANCELED;
                case JOB_RUN_MISSING_DEPS_V1 -> missingDeps(e);
                case TAINT_CREATE_V1 -> {
                    String id = e.getTaintCreateV1().getTaintId();
                    require(TAINT_ID.matcher(id).matches() && !taintCanceled.containsKey(id), "bad or reused taint id " + id);
                    List<String> refs = distinctRefs(e.getTaintCreateV1().getPartitionsList());
                    refs.forEach(r -> require(builds.containsKey(r), "taint of " + r + " which has no instance"));
                    taintCanceled.put(id, false);
                }
                case TAINT_CANCEL_V1 -> {
                    String id = e.getTaintCancelV1().getTaintId();
                    require(Boolean.FALSE.equals(taintCanceled.get(id)), "cancel of unknown or canceled taint " + id);
                    taintCanceled.put(id, true);
                }
                case EVENT_NOT_SET -> require(false, "event without payload");
            }
        }

        private void wantCreate(DataBuildEvent e) {
            var w = e.getWantCreateV1();
            require(WANT_ID.matcher(w.getWantId()).matches() && !wantCanceled.containsKey(w.getWantId()),
                    "bad or reused want id " + w.getWantId());
            List<String> refs = distinctRefs(w.getPartitionsList());
            EventSource source = w.getSource();
            if (source.hasJobTriggered()) {
                String runId = source.getJobTriggered().getJobRunId();
                Run run = runs.get(runId);
                require(run != null && run.status == RunStatus.DEP_MISS, "derivative want of a run that did not dep-miss: " + runId);
                refs.forEach(r -> require(run.missing.contains(r), "derivative want for " + r + " which " + runId + " did not miss"));
                awaitingDerivative.removeAll(refs);
                wantSourceRun.put(w.getWantId(), runId);
            } else {
                require(source.hasManuallyTriggered() && !source.getManuallyTriggered().getUser().isEmpty(),
                        "a want needs a user or a job run as source");
            }
            wantCanceled.put(w.getWantId(), false);
        }

        private void buffer(DataBuildEvent e) {
            var b = e.getJobRunBufferV1();
            require(RUN_ID.matcher(b.getJobRunId()).matches() && !runs.containsKey(b.getJobRunId()),
                    "bad or reused run id " + b.getJobRunId());
            require(!b.getJobLabel().isEmpty(), "empty job label");
            List<String> refs = distinctRefs(b.getBuildingPartitionsList());
            int chain = 0;
            for (var wap : b.getWantAttributedPartitionsList()) {
                require(wantCanceled.containsKey(wap.getWantId()), "attributed to unknown want " + wap.getWantId());
                require(!wantCanceled.get(wap.getWantId()), "attributed to canceled want " + wap.getWantId());
                wap.getPartitionsList().forEach(r -> require(refs.contains(r.getRef()), "attributed ref not built: " + r.getRef()));
                String sourceRun = wantSourceRun.get(wap.getWantId());
                if (sourceRun != null) {
                    chain = Math.max(chain, runs.get(sourceRun).chain + 1);
                }
            }
            for (String ref : refs) {
                require(DATA_REF.matcher(ref).matches() || LEAF_REF.matcher(ref).matches() || ref.equals(EventGenerator.HUB_REF),
                        "unexpected ref name " + ref);
                String known = labelOfRef.putIfAbsent(ref, b.getJobLabel());
                require(known == null || known.equals(b.getJobLabel()), "ref " + ref + " built by two job labels");
                builds.merge(ref, 1, Integer::sum);
            }
            if (failedLabels.remove(b.getJobLabel())) {
                stats.failedThenRetried++;
            }
            runs.put(b.getJobRunId(), new Run(b.getJobLabel(), refs, chain));
        }

        private void success(DataBuildEvent e) {
            var s = e.getJobRunSuccessV1();
            Run run = ending(s.getJobRunId());
            run.status = RunStatus.SUCCEEDED;
            int readDepth = -1;
            for (ReadDeps rd : s.getReadDepsList()) {
                readDepth = Math.max(readDepth, checkReads(run, s.getJobRunId(), rd));
            }
            for (String ref : run.refs) {
                require(!ref.startsWith("data/l00/") || s.getReadDepsCount() == 0, "layer-0 ref " + ref + " read something");
                everLive.add(ref);
                int d = readDepth + 1;
                depth.merge(ref, d, Math::max);
                stats.maxDepth = Math.max(stats.maxDepth, d);
            }
            if (depMissLabels.remove(run.label)) {
                stats.depMissThenRetriedOk++;
            }
        }

        private int checkReads(Run run, String runId, ReadDeps rd) {
            rd.getImpactedList().forEach(r -> require(run.refs.contains(r.getRef()), "impacted ref not built: " + r.getRef()));
            int maxDepth = -1;
            for (PartitionRef read : rd.getReadList()) {
                String ref = read.getRef();
                require(builds.containsKey(ref), "read of " + ref + " which has no instance");
                require(!run.refs.contains(ref), "a run reads its own output " + ref);
                maxDepth = Math.max(maxDepth, depth.getOrDefault(ref, 0));
                if (ref.equals(EventGenerator.HUB_REF)) {
                    run.refs.forEach(out -> require(LEAF_REF.matcher(out).matches(), "only leaf runs read the hub"));
                    hubReaders.add(runId);
                }
                var in = DATA_REF.matcher(ref);
                for (String out : run.refs) {
                    var o = DATA_REF.matcher(out);
                    if (in.matches() && o.matches()) {
                        require(Integer.parseInt(in.group(1)) < Integer.parseInt(o.group(1)), out + " reads same or higher layer " + ref);
                    }
                }
            }
            return maxDepth;
        }

        private void missingDeps(DataBuildEvent e) {
            var m = e.getJobRunMissingDepsV1();
            Run run = ending(m.getJobRunId());
            run.status = RunStatus.DEP_MISS;
            require(m.getMissingDepsCount() > 0, "dep-miss names nothing missing");
            Set<String> missing = new HashSet<>();
            for (var md : m.getMissingDepsList()) {
                md.getImpactedList().forEach(r -> require(run.refs.contains(r.getRef()), "impacted ref not built: " + r.getRef()));
                for (String ref : distinctRefs(md.getMissingList())) {
                    require(!everLive.contains(ref), "missing ref " + ref + " is already Live");
                    missing.add(ref);
                }
            }
            m.getReadDepsList().forEach(rd -> checkReads(run, m.getJobRunId(), rd));
            run.missing = missing;
            derivativeOf = m.getJobRunId();
            awaitingDerivative.addAll(missing);
            depMissLabels.add(run.label);
            stats.maxDepMissChain = Math.max(stats.maxDepMissChain, run.chain + 1);
        }

        private Run open(String runId) {
            Run run = runs.get(runId);
            require(run != null, "unknown job run " + runId);
            require(!run.terminal(), "event for " + runId + " after its terminal event " + run.status);
            return run;
        }

        /** The generator promises the full lifecycle: a terminal event only after a heartbeat. */
        private Run ending(String runId) {
            Run run = open(runId);
            require(run.status == RunStatus.RUNNING, "terminal event for " + runId + " while " + run.status);
            return run;
        }

        private List<String> distinctRefs(List<PartitionRef> refs) {
            require(!refs.isEmpty(), "empty partition list");
            List<String> names = refs.stream().map(PartitionRef::getRef).toList();
            require(names.stream().noneMatch(String::isEmpty), "empty ref");
            require(new HashSet<>(names).size() == names.size(), "duplicate refs " + names);
            return names;
        }
    }
}
