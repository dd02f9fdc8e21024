package dev.databuild.lineage.bench;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestResult;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.ingest.ProjectionTables;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.StatementCounter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue-6 benchmark: ingestion throughput (HTTP batches and the import path), then latency,
 * SQL statements and peak heap of the three views, {@code lineage} at depth 3/10/50 and consumer
 * pages, all as real HTTP GraphQL requests, plus the fan-out question against an unbatched loop and
 * a hand-written SQL floor. Excluded from the normal build by its name; see BENCHMARKS.md.
 */
@TestPropertySource(properties = {
        "lineage.graphql.max-page-size=1000",
        "lineage.graphql.max-complexity=100000000",
        "lineage.graphql.max-depth=30",
        "lineage.graphql.request-timeout=300s",
        "lineage.graphql.slow-query-threshold=60s",
        "logging.level.dev.databuild=WARN"})
class LineageBenchmark extends DatabaseTest {

    private static final long EVENTS = Long.getLong("bench.events", 10_000);
    private static final int HUB = Integer.getInteger("bench.hub", (int) Math.min(EVENTS / 10, 100_000));
    private static final int DEPTH = 50;
    private static final int REPS = Integer.getInteger("bench.reps", 50);
    private static final int WARMUPS = Integer.getInteger("bench.warmups", 10);
    private static final int FAN_OUT = 1_000;

    @Autowired
    IngestService ingest;
    @Autowired
    StatementCounter statements;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path tmp;

    @Test
    void run() throws Exception {
        EventGenerator.Params params = EventGenerator.Params.benchmark(42, EVENTS, HUB, DEPTH);
        List<DataBuildEvent> events = new EventGenerator(params).stream().toList();
        Report report = new Report(events.size(), HUB, events.size() + " events generated (target " + EVENTS
                + "), " + params.refCount() + " refs in " + DEPTH + " layers, seed 42");
        HeapPeak.reset();
        ingestion(report, events);
        queries(report);
        report.note("Peak heap of the whole JVM (server + client + generator) over the run: "
                + HeapPeak.peakBytes() / (1 << 20) + " MB");
        report.write();
    }

    private void ingestion(Report report, List<DataBuildEvent> events) throws Exception {
        report.section("Ingestion", "| path | events | seconds | events/s | SQL statements/event |");
        long s0 = statements.total();
        long t0 = System.nanoTime();
        for (int i = 0; i < events.size(); i += 5_000) {
            Http.Response r = Http.postProtobuf(port, events.subList(i, Math.min(events.size(), i + 5_000)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        throughputRow(report, "HTTP POST /api/events, protobuf, batches of 5,000", events.size(), t0, s0);

        wipe();
        Path file = tmp.resolve("bel.bin");
        Files.write(file, Http.delimited(events));
        s0 = statements.total();
        t0 = System.nanoTime();
        IngestResult result = importFile(file);
        throughputRow(report, "import of a delimited BEL file (StartupLoader.importFile, chunks of 10,000)", events.size(), t0, s0);
        assertThat(result.applied()).isEqualTo(events.size());
    }

    private void throughputRow(Report report, String path, int n, long t0, long s0) {
        double secs = (System.nanoTime() - t0) / 1e9;
        report.row(path, n, secs, n / secs, (statements.total() - s0) / (double) n);
    }

    /** The import the service runs at startup; it is package-private in ingest, so reached reflectively. */
    private IngestResult importFile(Path file) throws Exception {
        Class<?> loaderType = Class.forName("dev.databuild.lineage.ingest.StartupLoader");
        Object loader = context.getBean(loaderType);
        Method m = loaderType.getDeclaredMethod("importFile", Path.class);
        m.setAccessible(true);
        return (IngestResult) m.invoke(loader, file);
    }

    private void wipe() {
        ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
        db.deleteFrom(EVENT_LOG).execute();
        db.update(LOG_HEAD).set(LOG_HEAD.LAST_EVENT_ID, 0L).execute();
    }

    private void queries(Report report) {
        Targets t = Targets.find(db, FAN_OUT);
        report.note("Subjects: " + t);
        report.section("Requests (HTTP GraphQL POST /graphql, " + REPS + " reps after " + WARMUPS + " warm-ups)",
                "| request | p50 ms | p95 ms | p99 ms | mean ms | SQL statements | response KB |");
        Map<String, String> requests = new LinkedHashMap<>();
        String at = Instant.ofEpochMilli(t.latestMillis()).toString();
        requests.put("want fulfilment view (" + t.wantWithDerivatives() + ")",
                GraphQlPost.body(GraphQlPost.document("wantFulfilment"), Map.of("wantId", t.wantWithDerivatives())));
        requests.put("partition lineage view (" + t.midRef() + ")",
                GraphQlPost.body(GraphQlPost.document("partitionLineage"), Map.of("ref", t.midRef(), "at", at)));
        requests.put("job run detail view (" + t.retriedRun() + ")",
                GraphQlPost.body(GraphQlPost.document("jobRunDetail"), Map.of("jobRunId", t.retriedRun())));
        for (int depth : new int[] {3, 10, 50}) {
            requests.put("lineage depth " + depth + ", perNodeLimit 10 (" + t.midRef() + ")",
                    GraphQlPost.body(GraphQlPost.document("lineage"), Map.of("ref", t.midRef(), "depth", depth, "perNodeLimit", 10)));
        }
        String hubPage = "first consumers page + totalCount, hub (" + t.hubConsumers() + " consumers)";
        String smallPage = "first consumers page + totalCount, small (" + t.smallConsumers() + " consumers)";
        requests.put(hubPage, GraphQlPost.body(GraphQlPost.document("consumers"), Map.of("uuid", t.hubUuid().toString())));
        requests.put(smallPage, GraphQlPost.body(GraphQlPost.document("consumers"), Map.of("uuid", t.smallUuid().toString())));
        String fanOut = "fan-out: " + t.fanOutConsumers() + " consumers with their outputs";
        requests.put(fanOut, GraphQlPost.body(FanOutBaselines.DOCUMENT, Map.of("uuid", t.fanOutUuid().toString(), "first", FAN_OUT)));

        Map<String, Stats> results = new LinkedHashMap<>();
        requests.forEach((name, body) -> {
            int[] size = new int[1];
            Measured m = measure(() -> {
                size[0] = GraphQlPost.post(port, body).length();
                return 0;
            });
            results.put(name, m.stats());
            report.row(name, m.stats().p50(), m.stats().p95(), m.stats().p99(), m.stats().mean(), m.statements(), size[0] / 1024.0);
        });
        report.note("Hub page vs small page (p50): " + Report.fmt(results.get(hubPage).p50() / results.get(smallPage).p50())
                + "x (target <= 3x)");
        baselines(report, t, results.get(fanOut));
    }

    private void baselines(Report report, Targets t, Stats ours) {
        FanOutBaselines b = new FanOutBaselines(db, dataSource);
        int unbatchedRows = b.unbatched(t.fanOutUuid(), FAN_OUT);
        int floorRows = b.floor(t.fanOutUuid(), FAN_OUT);
        assertThat(unbatchedRows).as("unbatched and floor answer the same rows").isEqualTo(floorRows);
        Measured unbatched = measure(() -> b.unbatched(t.fanOutUuid(), FAN_OUT));
        Measured floor = measure(() -> b.floor(t.fanOutUuid(), FAN_OUT));
        report.section("Fan-out " + t.fanOutConsumers() + ": first " + FAN_OUT + " consumers of one instance with what each wrote ("
                + floorRows + " rows)", "| way | p50 ms | p95 ms | p99 ms | SQL statements |");
        report.row("ours: HTTP GraphQL, batched loaders", ours.p50(), ours.p95(), ours.p99(), "see above");
        report.row("unbatched: jOOQ, one statement per parent per field, in-process", unbatched.stats().p50(),
                unbatched.stats().p95(), unbatched.stats().p99(), unbatched.statements());
        report.row("floor: one hand-written SQL statement, plain JDBC, in-process", floor.stats().p50(),
                floor.stats().p95(), floor.stats().p99(), "1 (JDBC, uncounted)");
        report.note("Ratios (p50): ours / floor = " + Report.fmt(ours.p50() / floor.stats().p50())
                + "x (target <= 2x); unbatched / ours = " + Report.fmt(unbatched.stats().p50() / ours.p50())
                + "x (target >= 10x). The baselines run in-process without HTTP or JSON; ours includes both.");
    }

    record Measured(Stats stats, long statements) {
    }

    /** Warm-ups, then timed reps run one at a time, so the statement counter's delta is one request's. */
    private Measured measure(IntSupplier action) {
        for (int i = 0; i < WARMUPS; i++) {
            action.getAsInt();
        }
        long before = statements.total();
        action.getAsInt();
        long perRequest = statements.total() - before;
        long[] nanos = new long[REPS];
        for (int i = 0; i < REPS; i++) {
            long t0 = System.nanoTime();
            action.getAsInt();
            nanos[i] = System.nanoTime() - t0;
        }
        return new Measured(Stats.of(nanos), perRequest);
    }
}
