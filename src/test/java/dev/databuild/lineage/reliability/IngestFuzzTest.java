package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The service end to end under random input, on the database under test: mutated bodies in every
 * encoding, and valid event sequences with faults mixed in, posted in random batches. Never a 5xx;
 * a refused batch changes nothing; an accepted one applies fully; the projection keeps its
 * invariants and equals a replay of the log.
 */
class IngestFuzzTest extends DatabaseTest {

    private static final AtomicLong POSTED = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    @AfterAll
    static void report() {
        System.out.printf("[reliability] fuzz on %s: %d bodies posted, %d refused with a 4xx, none with a 5xx%n",
                TestDatabase.kind(), POSTED.get(), REFUSED.get());
    }

    @Test
    void mutatedBodiesNeverBreakTheService(TestInfo test) {
        FuzzTries.run(test, 120, rng -> {
            // every try starts from an empty database, so a failing seed replays on its own
            Databases.empty(db);
            List<Integer> tape = Choices.randomTape(rng, 120);
            List<Mutation> mutations = Mutation.random(rng, 6);
            Encoding encoding = pick(rng, Encoding.values());
            List<DataBuildEvent> events = new BelModel("m", Choices.tape(tape)).take(2 + tape.size() % 15);
            byte[] body = Mutation.applyAll(encoding.encode(events), mutations);
            var before = ProjectionSnapshot.everything(db);
            Http.Response r = encoding.post(port, body);
            POSTED.incrementAndGet();
            assertThat(r.status()).as(r.body()).isIn(200, 400, 409, 422);
            if (r.status() != 200) {
                REFUSED.incrementAndGet();
                assertThat(Encoding.answer(r).path("reason").asString()).isNotBlank();
                assertThat(ProjectionSnapshot.everything(db)).as("refused: " + r.body()).isEqualTo(before);
            } else {
                Databases.assertConsistent(db, port);
            }
        });
    }

    @Test
    void validAndInvalidEventsInRandomBatches(TestInfo test) {
        FuzzTries.run(test, 40, rng -> {
            Databases.empty(db);
            List<Integer> tape = Choices.randomTape(rng, 120);
            List<DataBuildEvent> valid = new BelModel("v", Choices.tape(tape)).take(4 + tape.size() % 40);
            List<FaultyBatches.Item> items = interleave(valid, rng);
            List<Integer> cuts = list(rng, 1, 8, () -> rng.nextInt(12));
            List<FaultyBatches.Mode> modes = list(rng, 1, 4,
                    () -> new FaultyBatches.Mode(pick(rng, Encoding.values()), rng.nextBoolean(), rng.nextInt(5) == 0));
            FaultyBatches batches = new FaultyBatches(port, db, valid);
            for (int start = 0, b = 0; start < items.size(); b++) {
                int end = Math.min(items.size(), start + 1 + cuts.get(b % cuts.size()));
                batches.post(items.subList(start, end), modes.get(b % modes.size()));
                start = end;
            }
            POSTED.addAndGet(batches.accepted + batches.rejected);
            REFUSED.addAndGet(batches.rejected);
            Databases.assertConsistent(db, port);
        });
    }

    /** The valid events with up to 6 faults placed among them (several may share a place). */
    private static List<FaultyBatches.Item> interleave(List<DataBuildEvent> valid, SplittableRandom rng) {
        List<Fault> faults = list(rng, 0, 6, () -> pick(rng, Fault.values()));
        List<Integer> places = faults.stream().map(f -> rng.nextInt(valid.size() + 1)).toList();
        List<FaultyBatches.Item> items = new ArrayList<>();
        for (int i = 0; i <= valid.size(); i++) {
            for (int f = 0; f < faults.size(); f++) {
                if (places.get(f) == i) {
                    items.add(new FaultyBatches.Item(null, faults.get(f), i));
                }
            }
            if (i < valid.size()) {
                items.add(new FaultyBatches.Item(valid.get(i), null, i));
            }
        }
        return items;
    }

    private static <T> List<T> list(SplittableRandom rng, int min, int max, Supplier<T> element) {
        int n = rng.nextInt(min, max + 1);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }

    private static <T> T pick(SplittableRandom rng, T[] from) {
        return from[rng.nextInt(from.length)];
    }
}
