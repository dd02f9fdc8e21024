package dev.databuild.lineage.bench;

import dev.databuild.lineage.support.StatementCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every measured request, three ways on the same data: ours (HTTP GraphQL, batched loaders), the
 * unbatched graphql-java server (HTTP GraphQL, one statement per parent per field) and, where one is
 * written, the SQL floor (one statement, plain JDBC). Before timing, the unbatched answer must equal
 * ours and the floor's rows must stand for ours as its file says.
 */
final class Requests {

    static final int FAN_OUT = 1_000;
    /** HTTP, the servlet, Spring MVC, the engine and JSON, and no SQL: the part of every request no query can save. */
    private static final String EMPTY = "empty request ({ __typename })";
    private static final int REPS = Integer.getInteger("bench.reps", 50);
    private static final int WARMUPS = Integer.getInteger("bench.warmups", 10);
    /**
     * Warm-ups go on past {@link #WARMUPS} until this long or {@link #MAX_WARMUPS}. Two seconds were
     * not enough for the JIT on the first size of a JVM: lineage at depth 10 took 161 ms after them,
     * and stayed there through its 50 timed reps; after 20 s, 48-58 ms. On two cores the compiler
     * threads share the machine with the server and the client.
     */
    private static final long WARMUP_NANOS = Long.getLong("bench.warmupMillis", 15_000) * 1_000_000;
    /** Requests whose name contains this, and the empty request; all by default. */
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final int MAX_WARMUPS = 1_000;
    /**
     * Rounds of the smaller requests, every way, before the JVM's first size is timed. The JIT
     * compiles a method with C2 only after some ten thousand calls, and what every request runs once
     * (Tomcat, Spring MVC, the engine's setup of a request, JSON) gets there only after as many
     * requests: a thousand warm-ups of one request leave it half compiled, so the first size measured
     * the empty request at 0.9-2.1 ms, against 0.10-0.13 at 1M (`RequestProfile`: 0.70-1.21 ms after
     * 2,000 warm-ups, 0.17 after 30,000). The deep walks and the fan-out are left out: each calls its
     * per-node code thousands of times anyway.
     */
    private static final int JIT_ROUNDS = Integer.getInteger("bench.jitRounds", 3_000);
    private static final long JIT_NANOS = Long.getLong("bench.jitMillis", 120_000) * 1_000_000;
    private static boolean jitWarm;

    private record Request(String name, String body, String floor, Map<String, Object> floorParams) {
    }

    private final StatementCounter statements;
    private final Floors floors;
    private final int ours;
    private final int unbatched;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> notes = new ArrayList<>();

    Requests(StatementCounter statements, Floors floors, int ours, int unbatched) {
        this.statements = statements;
        this.floors = floors;
        this.ours = ours;
        this.unbatched = unbatched;
    }

    void run(Report report, Targets t) {
        report.note("Subjects: " + t);
        List<Request> requests = requests(t);
        warmJit(report, requests);
        report.section("Requests: ours vs unbatched vs floor (" + REPS + " reps, each after " + WARMUPS + " warm-ups and more up to "
                        + WARMUP_NANOS / 1_000_000 + " ms or " + MAX_WARMUPS + " in all; ms)",
                "| request | ours p50 | ours p95 | unbatched p50 | unbatched p95 | floor p50 | floor p95 | statements ours / unbatched"
                        + " | ours / floor | unbatched / ours | response KB | floor rows |");
        Map<String, P50> p50 = new LinkedHashMap<>();
        for (Request r : requests) {
            if (r.name().equals(EMPTY) || r.name().contains(ONLY)) {
                p50.put(r.name(), measure(report, r));
            }
        }
        notes.forEach(report::note);
        double empty = p50.get(EMPTY).ours();
        p50.forEach((name, ms) -> {
            if (ms.floor() != null) {
                report.note(name + ": beyond the empty request " + Report.fmt(ms.ours() - empty) + " ms, "
                        + Report.fmt((ms.ours() - empty) / ms.floor()) + "x the floor (" + Report.fmt(ms.ours() / ms.floor()) + "x with it)");
            }
        });
        String hub = "first consumers page + totalCount, hub (" + t.hubConsumers() + " consumers)";
        String small = "first consumers page + totalCount, small (" + t.smallConsumers() + " consumers)";
        if (p50.containsKey(hub) && p50.containsKey(small)) {
            report.note("Hub page vs small page (ours, p50): " + Report.fmt(p50.get(hub).ours() / p50.get(small).ours()) + "x (target <= 3x)");
        }
    }

    private List<Request> requests(Targets t) {
        List<Request> out = new ArrayList<>();
        out.add(new Request(EMPTY, body("bench/empty.graphql", Map.of()), null, null));
        String at = Instant.ofEpochMilli(t.latestMillis()).toString();
        out.add(new Request("want fulfilment view (" + t.wantWithDerivatives() + ")",
                body("wantFulfilment", Map.of("wantId", t.wantWithDerivatives())), "wantFulfilment", Map.of("want", t.wantWithDerivatives())));
        out.add(new Request("partition lineage view (" + t.midRef() + ")", body("partitionLineage", Map.of("ref", t.midRef(), "at", at)),
                "partitionLineage", Map.of("ref", t.midRef(), "at", t.latestMillis())));
        out.add(new Request("job run detail view (" + t.retriedRun() + ")", body("jobRunDetail", Map.of("jobRunId", t.retriedRun())),
                "jobRunDetail", Map.of("run", t.retriedRun())));
        for (int depth : new int[] {3, 10, 50}) {
            out.add(new Request("lineage depth " + depth + ", perNodeLimit 10 (" + t.midRef() + ")",
                    body("lineage", Map.of("ref", t.midRef(), "depth", depth, "perNodeLimit", 10)),
                    "lineage", Map.of("ref", t.midRef(), "depth", depth, "limit", 10)));
        }
        out.add(new Request("first consumers page + totalCount, hub (" + t.hubConsumers() + " consumers)",
                body("consumers", Map.of("uuid", t.hubUuid().toString())), null, null));
        out.add(new Request("first consumers page + totalCount, small (" + t.smallConsumers() + " consumers)",
                body("consumers", Map.of("uuid", t.smallUuid().toString())), null, null));
        out.add(new Request("fan-out: first " + FAN_OUT + " of " + t.fanOutConsumers() + " consumers with their outputs",
                body("bench/fanOut.graphql", Map.of("uuid", t.fanOutUuid().toString(), "first", FAN_OUT)),
                "fanOut", Map.of("uuid", t.fanOutUuid(), "first", FAN_OUT)));
        return out;
    }

    private void warmJit(Report report, List<Request> requests) {
        if (jitWarm) {
            return;
        }
        jitWarm = true;
        List<Request> small = requests.stream()
                .filter(r -> !r.name().startsWith("lineage depth 10") && !r.name().startsWith("lineage depth 50")
                        && !r.name().startsWith("fan-out"))
                .toList();
        List<Floors.Floor> floorsOf = small.stream().map(r -> r.floor() == null ? null : Floors.load(r.floor())).toList();
        long t0 = System.nanoTime();
        int rounds = 0;
        while (rounds < JIT_ROUNDS && System.nanoTime() - t0 < JIT_NANOS) {
            for (int i = 0; i < small.size(); i++) {
                GraphQlPost.post(ours, small.get(i).body());
                GraphQlPost.post(unbatched, small.get(i).body());
                if (floorsOf.get(i) != null) {
                    floors.run(floorsOf.get(i), small.get(i).floorParams());
                }
            }
            rounds++;
        }
        report.note("JIT warm-up before the first size: " + rounds + " rounds of the " + small.size()
                + " requests other than the deep walks and the fan-out, every way, in " + Report.fmt((System.nanoTime() - t0) / 1e9) + " s");
    }

    private static String body(String document, Map<String, Object> variables) {
        return GraphQlPost.body(GraphQlPost.document(document), variables);
    }

    /** Checks the three answers agree, times each way, writes the row; returns ours' p50 and the floor's. */
    private P50 measure(Report report, Request r) {
        String oursBody = GraphQlPost.post(ours, r.body());
        JsonNode data = json.readTree(oursBody).get("data");
        JsonNode other = json.readTree(GraphQlPost.post(unbatched, r.body())).get("data");
        assertThat(JsonPaths.firstDifference(data, other, "data")).as("unbatched answer vs ours: " + r.name()).isNull();
        Floors.Floor floor = r.floor() == null ? null : Floors.load(r.floor());
        Floors.Result floorResult = null;
        if (floor != null) {
            floorResult = floors.run(floor, r.floorParams());
            assertThat(Floors.check(floor, floorResult, data)).as("floor rows vs our answer").isNull();
            if (!floor.supersets().isEmpty()) {
                long nodes = floor.supersets().values().stream().mapToLong(path -> JsonPaths.select(data, path).size()).sum();
                notes.add(r.name() + ": our answer has " + nodes + " nodes, all among the floor's " + floorResult.rows()
                        + " rows (every instance and run within the depth under the per-node limit, no node budget).");
            }
        }
        Measured o = time(() -> GraphQlPost.post(ours, r.body()));
        Measured u = time(() -> GraphQlPost.post(unbatched, r.body()));
        Measured f = floor == null ? null : time(() -> floors.run(floor, r.floorParams()));
        report.row(r.name(), o.stats().p50(), o.stats().p95(), u.stats().p50(), u.stats().p95(),
                f == null ? "-" : Report.fmt(f.stats().p50()), f == null ? "-" : Report.fmt(f.stats().p95()),
                o.statements() + " / " + u.statements(),
                f == null ? "-" : Report.fmt(o.stats().p50() / f.stats().p50()) + "x",
                Report.fmt(u.stats().p50() / o.stats().p50()) + "x",
                oursBody.length() / 1024.0, floorResult == null ? "-" : String.valueOf(floorResult.rows()));
        return new P50(o.stats().p50(), f == null ? null : f.stats().p50());
    }

    private record Measured(Stats stats, long statements) {
    }

    /** @param floor null for a request without a floor */
    private record P50(double ours, Double floor) {
    }

    /**
     * Warm-ups, then timed reps one at a time, so the statement counter's delta is one request's.
     * The ways of a request are timed one after the other, not in turn: sent in turn (tried on
     * 2026-11-25), every way slowed, the floor most (want fulfilment's at 10k: 8.8 to 23.6 ms), which
     * flattered the ratios to it.
     */
    private Measured time(Supplier<?> action) {
        long until = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < WARMUPS || i < MAX_WARMUPS && System.nanoTime() < until; i++) {
            action.get();
        }
        long before = statements.total();
        action.get();
        long perRequest = statements.total() - before;
        long[] nanos = new long[REPS];
        for (int i = 0; i < REPS; i++) {
            long t0 = System.nanoTime();
            action.get();
            nanos[i] = System.nanoTime() - t0;
        }
        return new Measured(Stats.of(nanos), perRequest);
    }
}
