package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * The service end to end under random input, on the database under test: mutated bodies in every
 * encoding, and valid event sequences with faults mixed in, posted in random batches. Never a 5xx;
 * a refused batch changes nothing; an accepted one applies fully; the projection keeps its
 * invariants and equals a replay of the log.
 */
@Tag("database")
@AddLifecycleHook(FuzzTries.class)
class IngestFuzzTest {

    private static final AtomicLong POSTED = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    private final FuzzServer server = FuzzServer.get();

    @BeforeTry
    void emptyDatabase() {
        Databases.empty(server.db);
    }

    @AfterContainer
    static void report() {
        System.out.printf("[reliability] fuzz on %s: %d bodies posted, %d refused with a 4xx, none with a 5xx%n",
                TestDatabase.kind(), POSTED.get(), REFUSED.get());
    }

    @Property(tries = 120)
    void mutatedBodiesNeverBreakTheService(@ForAll("tapes") List<Integer> tape, @ForAll("mutations") List<Mutation> mutations,
                                            @ForAll Encoding encoding) {
        List<DataBuildEvent> events = new BelModel("m", Choices.tape(tape)).take(2 + tape.size() % 15);
        byte[] body = Mutation.applyAll(encoding.encode(events), mutations);
        var before = ProjectionSnapshot.everything(server.db);
        Http.Response r = encoding.post(server.port, body);
        POSTED.incrementAndGet();
        assertThat(r.status()).as(r.body()).isIn(200, 400, 409, 422);
        if (r.status() != 200) {
            REFUSED.incrementAndGet();
            assertThat(Encoding.answer(r).path("reason").asString()).isNotBlank();
            assertThat(ProjectionSnapshot.everything(server.db)).as("refused: " + r.body()).isEqualTo(before);
        } else {
            Databases.assertConsistent(server.db, server.port);
        }
    }

    @Property(tries = 40)
    void validAndInvalidEventsInRandomBatches(@ForAll("tapes") List<Integer> tape, @ForAll("faults") List<Tuple2<Fault, Integer>> faults,
                                              @ForAll("cuts") List<Integer> cuts, @ForAll("modes") List<FaultyBatches.Mode> modes) {
        List<DataBuildEvent> valid = new BelModel("v", Choices.tape(tape)).take(4 + tape.size() % 40);
        List<FaultyBatches.Item> items = new ArrayList<>();
        for (int i = 0; i <= valid.size(); i++) {
            for (var f : faults) {
                if (f.get2() % (valid.size() + 1) == i) {
                    items.add(new FaultyBatches.Item(null, f.get1(), i));
                }
            }
            if (i < valid.size()) {
                items.add(new FaultyBatches.Item(valid.get(i), null, i));
            }
        }
        FaultyBatches batches = new FaultyBatches(server.port, server.db, valid);
        for (int start = 0, b = 0; start < items.size(); b++) {
            int end = Math.min(items.size(), start + 1 + cuts.get(b % cuts.size()));
            batches.post(items.subList(start, end), modes.get(b % modes.size()));
            start = end;
        }
        POSTED.addAndGet(batches.accepted + batches.rejected);
        REFUSED.addAndGet(batches.rejected);
        Databases.assertConsistent(server.db, server.port);
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().greaterOrEqual(0).list().ofMaxSize(120);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    @Provide
    Arbitrary<List<Tuple2<Fault, Integer>>> faults() {
        return Combinators.combine(Arbitraries.of(Fault.class), Arbitraries.integers().greaterOrEqual(0)).as(Tuple::of)
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 11).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<FaultyBatches.Mode>> modes() {
        return Combinators.combine(Arbitraries.of(Encoding.class), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4))
                .as((e, explicit, resend) -> new FaultyBatches.Mode(e, explicit, resend == 0)).list().ofMinSize(1).ofMaxSize(4);
    }
}
