package dev.databuild.lineage.bench;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestResult;
import dev.databuild.lineage.ingest.ProjectionTables;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.StatementCounter;
import dev.databuild.lineage.support.TestDatabase;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue-6 benchmark, once per size in {@code bench.events} (comma-separated), each on a fresh
 * database and server: ingestion throughput (HTTP batches and the import path), then every request
 * three ways on the same data (ours over HTTP, an unbatched graphql-java server over HTTP, and a
 * hand-written SQL floor through plain JDBC), answers checked equal before anything is timed.
 * Excluded from the normal build by its name; see BENCHMARKS.md.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = BenchDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@TestPropertySource(properties = {
        "lineage.graphql.max-page-size=1000",
        "lineage.graphql.max-complexity=100000000",
        "lineage.graphql.max-depth=30",
        "lineage.graphql.request-timeout=300s",
        "lineage.graphql.slow-query-threshold=60s",
        "logging.level.dev.databuild=WARN"})
class LineageBenchmark {

    static {
        LikeProduction.assertionsOff();
    }

    private static final int DEPTH = 50;
    private static final int BATCH = 10_000;
    private static final int WARM_UP_EVENTS = 20_000;

    @Autowired
    DSLContext db;
    @Autowired
    StatementCounter statements;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    @Autowired
    GraphQlLimits limits;
    @LocalServerPort
    int port;

    @TempDir
    Path tmp;

    static Stream<Long> sizes() {
        return Arrays.stream(System.getProperty("bench.events", "10000").split(",")).map(String::trim).map(Long::parseLong);
    }

    @ParameterizedTest(name = "{0} events")
    @MethodSource("sizes")
    void run(long events) throws Exception {
        int hub = Integer.getInteger("bench.hub", (int) Math.min(events / 10, 100_000));
        EventGenerator.Params params = EventGenerator.Params.benchmark(42, events, hub, DEPTH);
        System.gc();
        HeapPeak.reset();
        Path file = tmp.resolve("bel-" + events + ".bin");
        long n = BelFile.write(new EventGenerator(params), file);
        Report report = new Report(n, hub, n + " events generated (target " + events + ") into a delimited BEL file of "
                + Report.fmt(file.toFile().length() / 1e6) + " MB, " + params.refCount() + " refs in " + DEPTH + " layers, seed 42");
        ingestion(report, file, n);
        report.note("Peak heap of the JVM while generating and ingesting: " + HeapPeak.peakBytes() / (1 << 20) + " MB");
        db.execute("ANALYZE");
        System.gc();
        HeapPeak.reset();
        try (UnbatchedServer unbatched = new UnbatchedServer(db, limits.maxPageSize(), limits.lineageMaxNodes())) {
            new Requests(statements, new Floors(dataSource), port, unbatched.port()).run(report, Targets.find(db, Requests.FAN_OUT));
        }
        report.note("Peak heap of the JVM (server, both clients, the unbatched server) during the requests: "
                + HeapPeak.peakBytes() / (1 << 20) + " MB");
        report.write();
    }

    /**
     * The in-memory H2 outlives its context (DB_CLOSE_DELAY=-1): close it so sizes do not add up on
     * the heap. The sockets to this size's servers go too.
     */
    @AfterEach
    void closeDatabase() {
        GraphQlPost.closeConnections();
        if (!TestDatabase.isPostgres()) {
            try {
                db.execute("SHUTDOWN");
            } catch (org.springframework.dao.DataAccessException closed) {
                // H2 reports the database it just closed as closed
            }
        }
    }

    private void ingestion(Report report, Path file, long n) throws Exception {
        warmUp();
        report.section("Ingestion", "| path | events | seconds | events/s | SQL statements per " + String.format("%,d", BATCH) + " events |");
        long s0 = statements.total();
        long[] nanos = new long[1];
        BelFile.batches(file, BATCH, (body, count) -> {
            long t0 = System.nanoTime();
            Http.Response r = Http.post(port, "/api/events", "application/x-protobuf", body);
            nanos[0] += System.nanoTime() - t0;
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        });
        throughputRow(report, "HTTP POST /api/events, protobuf, batches of " + String.format("%,d", BATCH) + " read from the file", n, nanos[0], s0);

        wipe();
        s0 = statements.total();
        long t0 = System.nanoTime();
        IngestResult result = importFile(file);
        throughputRow(report, "import of the delimited BEL file (StartupLoader.importFile)", n, System.nanoTime() - t0, s0);
        assertThat(result.applied()).isEqualTo(n);
    }

    /** A smaller log of another seed through both paths, so the measured runs start with a warm JIT. */
    private void warmUp() throws Exception {
        Path warm = tmp.resolve("warm-up.bin");
        BelFile.write(new EventGenerator(EventGenerator.Params.benchmark(7, WARM_UP_EVENTS, 200, DEPTH)), warm);
        BelFile.batches(warm, BATCH, (body, count) -> assertThat(Http.post(port, "/api/events", "application/x-protobuf", body).status()).isEqualTo(200));
        wipe();
        importFile(warm);
        wipe();
    }

    private void throughputRow(Report report, String path, long n, long nanos, long s0) {
        double secs = nanos / 1e9;
        report.row(path, n, secs, n / secs, (statements.total() - s0) * (double) BATCH / n);
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
}
