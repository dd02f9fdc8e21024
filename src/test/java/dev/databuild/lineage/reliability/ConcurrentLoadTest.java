package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers posting batches (server-assigned ids, as several writers must) while readers follow the
 * log and query GraphQL, and one replay rebuilds the projection under them, for a bounded time.
 * Afterwards: no 5xx (nor any other refusal), every acknowledged event in the log exactly once,
 * and the projection keeps its invariants and equals a replay.
 */
class ConcurrentLoadTest extends DatabaseTest {

    static final long MILLIS = Long.getLong("lineage.load.millis", 10_000);
    static final int WRITERS = 3;
    static final int READERS = 3;

    /** Acknowledged batches: the last id the service gave, and the events in order. */
    private record Acked(long lastEventId, List<DataBuildEvent> events) {
    }

    private final List<Acked> acked = new CopyOnWriteArrayList<>();
    private final List<String> runIds = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void writersReadersAndAReplayTogetherLoseNothing() throws Exception {
        long deadline = System.nanoTime() + MILLIS * 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS + 1);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            BelModel model = new BelModel("w" + w, Choices.random(w));
            Encoding encoding = Encoding.values()[w % Encoding.values().length];
            work.add(pool.submit(() -> write(model, encoding, deadline)));
        }
        for (int r = 0; r < READERS; r++) {
            LoadReader reader = new LoadReader(port, runIds, this::count, failures::add);
            work.add(pool.submit(() -> reader.run(deadline)));
        }
        work.add(pool.submit(() -> {
            sleep(MILLIS / 3);
            count(Http.post(port, "/api/admin/replay", "application/json", new byte[0]), "replay");
        }));
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(failures).as("requests that failed").isEmpty();
        assertNothingLost();
        Databases.assertConsistent(db, port);
        double seconds = MILLIS / 1000.0;
        System.out.printf("[reliability] load on %s for %.0f s: %d writers held %.0f events/s (%d batches, %d events acknowledged),"
                        + " %d readers held %.0f reads/s (%s), 1 replay; no 5xx; nothing lost%n", TestDatabase.kind(), seconds, WRITERS,
                acked.stream().mapToInt(a -> a.events().size()).sum() / seconds, acked.size(), acked.stream().mapToInt(a -> a.events().size()).sum(),
                READERS, (counts.getOrDefault("reads", new AtomicLong()).get()) / seconds, counts);
    }

    private void write(BelModel model, Encoding encoding, long deadline) {
        int n = 0;
        while (System.nanoTime() < deadline) {
            List<DataBuildEvent> batch = model.take(10 + (n++ % 4) * 10);
            Http.Response r = encoding.post(port, encoding.encode(batch));
            count(r, "batches");
            if (r.status() != 200) {
                return; // counted as a failure; this writer's later events would build on the refused ones
            }
            acked.add(new Acked(Encoding.answer(r).path("lastEventId").asLong(), batch));
            batch.stream().filter(DataBuildEvent::hasJobRunBufferV1).forEach(e -> runIds.add(e.getJobRunBufferV1().getJobRunId()));
        }
    }

    private void count(Http.Response r, String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        if (r.status() != 200) {
            failures.add(what + " answered " + r.status() + ": " + r.body());
        }
    }

    /** Each acknowledged batch holds the consecutive ids it was given, with exactly its events. */
    private void assertNothingLost() {
        Map<Long, DataBuildEvent> stored = new java.util.HashMap<>();
        db.select(EVENT_LOG.EVENT_ID, EVENT_LOG.PAYLOAD).from(EVENT_LOG).fetch()
                .forEach(r -> stored.put(r.value1(), parse(r.value2())));
        int expected = 0;
        for (Acked a : acked) {
            for (int i = 0; i < a.events().size(); i++) {
                long id = a.lastEventId() - a.events().size() + 1 + i;
                assertThat(stored.get(id)).as("event %d", id).isNotNull();
                assertThat(stored.get(id).toBuilder().clearTimestamp().build()).isEqualTo(a.events().get(i).toBuilder().setEventId(id).build());
                expected++;
            }
        }
        assertThat(stored).as("the log holds nothing but the acknowledged events").hasSize(expected);
    }

    private static DataBuildEvent parse(byte[] payload) {
        try {
            return DataBuildEvent.parseFrom(payload);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
