package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.ingest.Events.buffer;
import static dev.databuild.lineage.ingest.Events.cancelWant;
import static dev.databuild.lineage.ingest.Events.failure;
import static dev.databuild.lineage.ingest.Events.heartbeat;
import static dev.databuild.lineage.ingest.Events.success;
import static dev.databuild.lineage.ingest.Events.taint;
import static dev.databuild.lineage.ingest.Events.untaint;
import static dev.databuild.lineage.ingest.Events.want;
import static dev.databuild.lineage.ingest.Events.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.databuild.lineage.db.Tables.JOB_RUN;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every way a batch is refused: the status, an error body naming the event and the reason, and
 * proof that nothing of the batch was applied (the whole database is unchanged).
 */
class RejectionTest extends DatabaseTest {

    Map<String, List<List<Object>>> before;

    @BeforeEach
    void seed() {
        assertThat(Http.postProtobuf(port, ExampleLog.events()).status()).isEqualTo(200);
        before = ProjectionSnapshot.everything(db);
    }

    private void assertRejected(Http.Response r, int status, Integer index, String... reasonParts) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"status\":" + status).contains("\"applied\":0").contains(reasonParts);
        if (index != null) {
            assertThat(r.body()).contains("\"index\":" + index);
        }
        assertThat(ProjectionSnapshot.everything(db)).isEqualTo(before);
    }

    /** A valid prefix, then the bad event: the prefix must not survive either. */
    private Http.Response post(DataBuildEvent... bad) {
        List<DataBuildEvent> batch = new java.util.ArrayList<>(List.of(want("W-100", "data/new"),
                buffer("JR-100X", "//jobs:new", "W-100", "data/new")));
        batch.addAll(List.of(bad));
        return Http.postProtobuf(port, batch);
    }

    @Autowired
    WorkingSet workingSet;

    /**
     * A status history is one column of at most 1,000,000 characters: the change that would pass it
     * refuses its batch whole, naming the column, and leaves the database as it was.
     */
    @Test
    void aStatusHistoryPastItsColumnRefusesTheBatch() {
        assertThat(Http.postProtobuf(port, List.of(buffer("JR-LONG", "//jobs:long", "W-001", "data/long"))).status())
                .isEqualTo(200);
        // entries of 13 and 14 characters make a history of exactly 999,995; any change appends more than 5
        String last = "24,BUFFERED,24";
        int rest = 999_995 - last.length();
        int longer = rest % 13;
        String full = "1,BUFFERED,1;".repeat((rest - 14 * longer) / 13) + "10,BUFFERED,1;".repeat(longer) + last;
        assertThat(full).hasSize(999_995);
        db.update(JOB_RUN).set(JOB_RUN.STATUS_HISTORY, full).where(JOB_RUN.JOB_RUN_ID.eq("JR-LONG")).execute();
        workingSet.drop();
        before = ProjectionSnapshot.everything(db);

        assertRejected(Http.postProtobuf(port, List.of(want("W-200", "data/other"), heartbeat("JR-LONG"))), 422, 1,
                "the status history of job run JR-LONG would pass 1000000 characters, the most its column holds");
    }

    @Test
    void malformedEventsAre400() {
        assertRejected(post(DataBuildEvent.newBuilder().build()), 400, 2, "none of the oneof");
        assertRejected(post(want("", "data/x")), 400, 2, "want_create_v1.want_id is required");
        assertRejected(post(want("W-9")), 400, 2, "want_create_v1.partitions is empty");
        assertRejected(post(want("W-9", "a", "a")), 400, 2, "names 'a' twice");
        assertRejected(post(buffer("JR-9", "", null, "x")), 400, 2, "job_label is required");
        assertRejected(post(want("W-9", "r".repeat(1025))), 400, 2, "at most 1024");
        assertRejected(post(failure("JR-100X", "x".repeat(100_001))), 400, 2, "at most 100000");
    }

    @Test
    void undecodableBodiesAre400() {
        assertRejected(Http.post(port, "/api/events", "application/x-protobuf", new byte[]{(byte) 0xff, (byte) 0xff}), 400, 0, "length prefix");
        assertRejected(Http.post(port, "/api/events", "application/x-protobuf", new byte[]{10, 1, 2}), 400, 0, "bytes but only");
        byte[] valid = Http.delimited(List.of(want("W-100", "data/new")));
        byte[] garbage = new byte[]{3, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] both = new byte[valid.length + garbage.length];
        System.arraycopy(valid, 0, both, 0, valid.length);
        System.arraycopy(garbage, 0, both, valid.length, garbage.length);
        assertRejected(Http.post(port, "/api/events", "application/x-protobuf", both), 400, 1, "event #1");
        assertRejected(Http.post(port, "/api/events", "application/x-protobuf", new byte[0]), 400, null, "holds no events");
        assertRejected(Http.post(port, "/api/events", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), 400, null, "JSON array");
        assertRejected(Http.post(port, "/api/events", "application/json", "[{\"wantCreateV1\":{\"wantId\":\"W-5\"}},".getBytes(StandardCharsets.UTF_8)),
                400, null, "not valid JSON");
        assertRejected(Http.post(port, "/api/events", "application/json", "[{\"bogusField\":1}]".getBytes(StandardCharsets.UTF_8)),
                400, 0, "bogusField");
        assertRejected(Http.post(port, "/api/events", "application/x-ndjson",
                "{\"wantCreateV1\":{\"wantId\":\"W-5\",\"partitions\":[{\"ref\":\"x\"}]}}\n{\"eventId\":\"abc\"}".getBytes(StandardCharsets.UTF_8)),
                400, 1, "event #1");
        assertRejected(Http.post(port, "/api/events", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415, null, "Content-Type");
    }

    @Test
    void eventsThatDoNotApplyAre422() {
        assertRejected(post(heartbeat("JR-404")), 422, 2, "unknown job run JR-404");
        assertRejected(post(success("JR-300")), 422, 2, "JR-300 which already ended as SUCCEEDED");
        assertRejected(post(failure("JR-789", "late")), 422, 2, "already ended");
        assertRejected(post(cancelWant("W-404")), 422, 2, "unknown want W-404");
        assertRejected(post(want("W-001", "data/x")), 422, 2, "want W-001 already exists");
        assertRejected(post(buffer("JR-300", "//jobs:alpha", null, "data/alpha")), 422, 2, "JR-300 was already buffered");
        assertRejected(post(buffer("JR-9", "//jobs:x", "W-404", "data/x")), 422, 2, "unknown want W-404");
        assertRejected(post(success("JR-100X", "data/never-built")), 422, 2, "no instance of that partition exists");
        assertRejected(post(taint("T-1", "data/never-built")), 422, 2, "has no partition instance");
        assertRejected(post(untaint("T-404")), 422, 2, "unknown taint T-404");
    }

    @Test
    void idConflictsAre409() {
        // event 5 is stored; the same id with other content is a conflict
        assertRejected(Http.postProtobuf(port, List.of(withId(want("W-X", "data/x"), 5))), 409, 0, "already stored with different content");
        // an id below the head that is not stored: out of order
        Http.postProtobuf(port, List.of(withId(want("W-100", "data/new"), 40)));
        before = ProjectionSnapshot.everything(db);
        assertRejected(Http.postProtobuf(port, List.of(withId(want("W-101", "data/new"), 30))), 409, 0, "out of order");
    }

    @Test
    void tooLargeBodiesAre413() {
        byte[] big = new byte[65 * 1024 * 1024];
        assertRejected(Http.post(port, "/api/events", "application/x-protobuf", big), 413, null, "max-request-size");
    }

    @Test
    void exactResendsAreCountedAsDuplicatesAndChangeNothing() {
        var r = Http.postProtobuf(port, ExampleLog.events());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"applied\":0", "\"duplicates\":23", "\"lastEventId\":23");
        var json = Http.post(port, "/api/events", "application/json", Http.jsonArray(ExampleLog.events().subList(0, 3)));
        assertThat(json.body()).contains("\"duplicates\":3");
        assertThat(ProjectionSnapshot.everything(db)).isEqualTo(before);
    }
}
