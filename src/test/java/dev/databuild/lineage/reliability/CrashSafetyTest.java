package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.Events;
import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of a large batch, on the embedded H2 file database: after a restart every
 * acknowledged batch is there, the unacknowledged one wholly absent, and the projection equals a
 * replay of the log. H2 only (the file database is what a crash can damage).
 */
class CrashSafetyTest {

    /** Events in the batch that is killed: large enough to be mid-transaction for seconds. */
    static final int BIG = 200_000;
    static final long PROBE_MILLIS = 500;
    /** The file is compacted after nearly every commit, so kills also land on a compacted file. */
    static final String[] COMPACTING = {"--lineage.store.compact-from-size=0B", "--lineage.store.compact-below-live-percent=90"};

    @TempDir
    Path tmp;

    /** Every event the service acknowledged, with the id it was given, in log order. */
    private final List<DataBuildEvent> acknowledged = new ArrayList<>();
    private final List<String> kills = new ArrayList<>();
    private long compactions;
    private long failedCompactions;

    @Test
    void aKilledServiceKeepsExactlyWhatItAcknowledged() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        long[] killIntoTransactionMillis = {0, 4_000};
        for (int round = 0; round < killIntoTransactionMillis.length; round++) {
            try (ServiceProcess service = ServiceProcess.start(data, COMPACTING)) {
                assertLogIsExactlyTheAcknowledged(service);
                BelModel model = new BelModel("r" + round, Choices.random(round));
                postAcknowledged(service, model, 2, 150);
                killDuringBatch(service, model.take(BIG), killIntoTransactionMillis[round]);
            }
        }
        try (ServiceProcess service = ServiceProcess.start(data, COMPACTING)) {
            assertLogIsExactlyTheAcknowledged(service);
            postAcknowledged(service, new BelModel("r9", Choices.random(9)), 2, 150);
            service.kill();
            countCompactions(service);
            kills.add("right after acknowledging a batch");
        }
        // the crashed file itself, opened as the restarted service would (H2 recovers on open)
        Map<String, List<List<Object>>> incremental = onFile(data, db -> {
            assertThat(db.select(LOG_HEAD.LAST_EVENT_ID).from(LOG_HEAD).fetchSingle().value1())
                    .isEqualTo(acknowledged.get(acknowledged.size() - 1).getEventId());
            assertThat(db.fetchCount(EVENT_LOG)).isEqualTo(acknowledged.size());
            ProjectionInvariants.check(db);
        });
        try (ServiceProcess service = ServiceProcess.start(data, COMPACTING)) {
            assertLogIsExactlyTheAcknowledged(service);
            var replay = Http.post(service.port, "/api/admin/replay", "application/json", new byte[0]);
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            service.stop();
            countCompactions(service);
        }
        assertThat(compactions).as("compactions the services logged").isPositive();
        assertThat(failedCompactions).as("compactions that failed").isZero();
        assertThat(onFile(data, db -> { })).as("projection after a replay of the log").isEqualTo(incremental);
        System.out.printf("[reliability] crash: %d SIGKILLs (%s); %d acknowledged events all kept; 2 unacknowledged batches of %d events"
                + " wholly absent; projection == replay; %d online compactions%n", kills.size(), String.join("; ", kills), acknowledged.size(), BIG,
                compactions);
    }

    private void countCompactions(ServiceProcess service) throws IOException {
        compactions += service.linesWith("Compacted the H2 file");
        failedCompactions += service.linesWith("Compacting the H2 file failed");
    }

    private static long started = System.nanoTime();

    private static void phase(String what) {
        System.out.printf("[crash] %6d ms %s%n", (System.nanoTime() - started) / 1_000_000, what);
    }

    private void postAcknowledged(ServiceProcess service, BelModel model, int batches, int size) {
        phase("posting acknowledged batches");
        for (int b = 0; b < batches; b++) {
            List<DataBuildEvent> batch = model.take(size);
            Http.Response r = Http.postProtobuf(service.port, batch);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            long last = Encoding.answer(r).path("lastEventId").asLong();
            for (int i = 0; i < batch.size(); i++) {
                acknowledged.add(batch.get(i).toBuilder().setEventId(last - batch.size() + 1 + i).build());
            }
        }
    }

    /**
     * Sends the whole batch and kills the service inside its transaction, {@code intoTransactionMillis}
     * after it began. Whether it began is seen from outside: one-event probes are posted until one
     * stays waiting, which means the big batch holds the writers' lock. Probes that got through
     * before are acknowledged; the waiting one is not.
     */
    private void killDuringBatch(ServiceProcess service, List<DataBuildEvent> batch, long intoTransactionMillis) throws Exception {
        byte[] body = Http.delimited(batch);
        phase("uploading the batch to kill");
        try (Socket socket = new Socket("localhost", service.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-protobuf\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            long uploaded = System.nanoTime();
            for (int probes = 0; ; probes++) {
                assertThat(probes).as("the batch never took the writers' lock").isLessThan(120);
                DataBuildEvent probe = Events.want("W-probe-" + kills.size() + "-" + probes, "probe/" + kills.size());
                var probed = CompletableFuture.supplyAsync(() -> Http.postProtobuf(service.port, List.of(probe)));
                Thread.sleep(PROBE_MILLIS);
                if (!probed.isDone()) {
                    break;
                }
                assertThat(probed.get().status()).as(probed.get().body()).isEqualTo(200);
                acknowledged.add(probe.toBuilder().setEventId(Encoding.answer(probed.get()).path("lastEventId").asLong()).build());
            }
            long began = (System.nanoTime() - uploaded) / 1_000_000;
            Thread.sleep(intoTransactionMillis);
            assertThat(socket.getInputStream().available()).as("the service answered before it was killed; make the batch larger").isZero();
            assertThat(service.alive()).isTrue();
            phase("killing");
            service.kill();
            countCompactions(service);
            kills.add("inside the transaction of a " + batch.size() + "-event batch (" + body.length / 1024 / 1024 + " MB), "
                    + (intoTransactionMillis + PROBE_MILLIS) + " ms or less after it began (" + began + " ms after the upload)");
        }
    }

    /** The log read back over HTTP is exactly the acknowledged events: same ids, same content. */
    private void assertLogIsExactlyTheAcknowledged(ServiceProcess service) {
        phase("started; reading the log back");
        List<DataBuildEvent> stored = new ArrayList<>();
        for (long after = 0; ; ) {
            Http.Response r = Http.get(service.port, "/api/events?after=" + after + "&limit=10000", "Accept", "application/x-protobuf");
            assertThat(r.status()).isEqualTo(200);
            List<DataBuildEvent> page = parse(r.bytes());
            page.forEach(e -> stored.add(e.toBuilder().clearTimestamp().build()));
            if (page.size() < 10_000) {
                break;
            }
            after = page.get(page.size() - 1).getEventId();
        }
        assertThat(stored.size()).isEqualTo(acknowledged.size());
        assertThat(stored).isEqualTo(acknowledged);
    }

    private static List<DataBuildEvent> parse(byte[] delimited) {
        List<DataBuildEvent> events = new ArrayList<>();
        var in = new java.io.ByteArrayInputStream(delimited);
        try {
            for (DataBuildEvent e; (e = DataBuildEvent.parseDelimitedFrom(in)) != null; ) {
                events.add(e);
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return events;
    }

    private static Map<String, List<List<Object>>> onFile(Path data, Consumer<DSLContext> check) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("lineage") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DSLContext db = DSL.using(c, SQLDialect.H2);
            check.accept(db);
            return ProjectionSnapshot.projection(db);
        }
    }
}
