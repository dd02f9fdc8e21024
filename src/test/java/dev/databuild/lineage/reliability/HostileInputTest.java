package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.ExampleLog;
import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile input corpus ({@link HostileBodies}, {@link HostileEvents}; RejectionTest holds the
 * basic cases): every input gets its 4xx with the event's index and the reason, and the whole
 * database (event log, head, every projection table) is exactly as before, input after input.
 */
class HostileInputTest extends DatabaseTest {

    private static final AtomicInteger TRIED = new AtomicInteger();

    private Map<String, List<List<Object>>> before;

    @BeforeEach
    void seedTheExample() {
        assertThat(Http.postProtobuf(port, ExampleLog.events()).status()).isEqualTo(200);
        ProjectionInvariants.check(db);
        before = ProjectionSnapshot.everything(db);
    }

    @AfterAll
    static void report() {
        System.out.println("[reliability] hostile inputs tried on " + TestDatabase.kind() + ": " + TRIED.get());
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedAndChangesNothing() {
        List<Hostile> corpus = new ArrayList<>(HostileBodies.all());
        corpus.addAll(HostileEvents.all());
        return corpus.stream().map(h -> DynamicTest.dynamicTest(h.name(), () -> assertRefused(h)));
    }

    private void assertRefused(Hostile h) {
        TRIED.incrementAndGet();
        Http.Response r = Http.post(port, "/api/events", h.contentType(), h.body().get());
        var after = ProjectionSnapshot.everything(db);
        if (!after.equals(before)) {
            // start the next input from the seed again, so one failure does not fail every later one
            Databases.empty(db);
            seedTheExample();
        }
        assertThat(r.status()).as("%s -> %s", h.name(), r.body()).isEqualTo(h.status());
        assertThat(r.body()).as(h.name()).contains("\"status\":" + h.status(), "\"applied\":0").contains(h.reason());
        if (h.index() != null) {
            assertThat(r.body()).as(h.name()).contains("\"index\":" + h.index() + ",");
        }
        assertThat(after).as("database after " + h.name()).isEqualTo(before);
    }

    @Test
    void malformedContentTypesAre415() {
        for (String type : new String[]{"not a media type", "application/", ";;;", "application/x-protobuf; charset=\"unterminated"}) {
            TRIED.incrementAndGet();
            var r = Http.post(port, "/api/events", type, Http.delimited(ExampleLog.events()));
            assertThat(r.status()).as(type + " -> " + r.body()).isEqualTo(415);
            assertThat(r.body()).contains("Content-Type");
        }
        TRIED.incrementAndGet();
        assertThat(Http.post(port, "/api/events", null, new byte[]{1}).status()).isEqualTo(415);
        assertThat(ProjectionSnapshot.everything(db)).isEqualTo(before);
    }

    @Test
    void hundredMegabyteBodiesAre413WhetherAnnouncedOrNot() throws Exception {
        byte[] events = Http.delimited(ExampleLog.events());
        long size = 100L * 1024 * 1024;
        for (boolean chunked : new boolean[]{false, true}) {
            TRIED.incrementAndGet();
            var answer = StreamingPost.post(port, Hostile.PROTOBUF, events, size, chunked);
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.body()).contains("max-request-size");
            assertThat(answer.bytesSent()).as("the server must not read the whole body").isLessThan(size);
            assertThat(ProjectionSnapshot.everything(db)).isEqualTo(before);
        }
    }

    @Test
    void unknownFieldsAreKeptNotDropped() {
        // proto3: a field number this contract does not know (a newer writer's field) is stored with
        // the event's bytes and served back; only its payload (the oneof) must be one we know
        TRIED.incrementAndGet();
        byte[] event = Wire.message().messageField(17, Wire.message().stringField(1, "W-NEW")
                .messageField(2, Wire.message().stringField(1, "data/new")).stringField(99, "future"))
                .varintField(1000, 42).framed();
        var r = Http.post(port, "/api/events", Hostile.PROTOBUF, event);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var stored = Http.get(port, "/api/events?after=23", "Accept", Hostile.PROTOBUF).bytes();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("future");
        ProjectionInvariants.check(db);
    }
}
