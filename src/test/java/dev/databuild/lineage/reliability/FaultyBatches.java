package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;

/**
 * Posts a valid event sequence with faults mixed in, in batches, the way a careful client would:
 * a refused batch is checked (status, index, nothing changed) and sent again without its bad
 * events, which must then apply in full.
 */
final class FaultyBatches {

    /** How one batch is sent: encoding, whether the client numbers its events, whether it resends. */
    record Mode(Encoding encoding, boolean explicitIds, boolean resend) {
    }

    /** A valid event, or a fault to be made when it is posted (with the valid events before it). */
    record Item(DataBuildEvent valid, Fault fault, int validBefore) {
    }

    private final int port;
    private final DSLContext db;
    private final List<DataBuildEvent> valid;
    private long head;
    private int made;
    int rejected;
    int accepted;
    int duplicates;

    FaultyBatches(int port, DSLContext db, List<DataBuildEvent> valid) {
        this.port = port;
        this.db = db;
        this.valid = valid;
    }

    void post(List<Item> batch, Mode mode) {
        List<DataBuildEvent> events = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        for (Item item : batch) {
            DataBuildEvent e = item.fault() == null ? item.valid() : item.fault().make(valid.subList(0, item.validBefore()), head, made++);
            if (e != null) {
                events.add(e);
                faults.add(item.fault());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        number(events, mode);
        Encoding encoding = mode.encoding() == Encoding.PROTOBUF && faults.stream().anyMatch(f -> f != null && f.needsJson())
                ? Encoding.JSON : mode.encoding();
        int expected = expectedIndex(faults);
        if (expected < 0) {
            apply(events, encoding, mode.resend());
            return;
        }
        var before = ProjectionSnapshot.everything(db);
        Http.Response r = encoding.post(port, encoding.encode(events));
        assertThat(r.status()).as("a 5xx is never acceptable: %s", r.body()).isLessThan(500);
        assertThat(r.status()).as("%s at #%d of %s: %s", faults.get(expected), expected, events, r.body()).isEqualTo(faults.get(expected).status);
        assertThat(Encoding.answer(r).path("index").asInt()).as(r.body()).isEqualTo(expected);
        assertThat(ProjectionSnapshot.everything(db)).as("a refused batch changes nothing: " + r.body()).isEqualTo(before);
        rejected++;
        List<DataBuildEvent> fixed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (faults.get(i) == null) {
                fixed.add(events.get(i).toBuilder().clearEventId().build());
            }
        }
        if (!fixed.isEmpty()) {
            number(fixed, mode);
            apply(fixed, encoding, mode.resend());
        }
    }

    /** The batch applies in full: every event stored, the head moved by exactly its size. */
    private void apply(List<DataBuildEvent> events, Encoding encoding, boolean resend) {
        Http.Response r = encoding.post(port, encoding.encode(events));
        assertThat(r.status()).as("valid batch %s refused: %s", events, r.body()).isEqualTo(200);
        JsonNode answer = Encoding.answer(r);
        long last = events.get(events.size() - 1).getEventId();
        assertThat(answer.path("applied").asInt()).isEqualTo(events.size());
        assertThat(answer.path("lastEventId").asLong()).isEqualTo(last == 0 ? head + events.size() : last);
        long previous = head;
        head = answer.path("lastEventId").asLong();
        accepted++;
        if (resend) {
            // what a follower read back, sent again: all duplicates, nothing changes
            byte[] stored = Http.get(port, "/api/events?after=" + previous + "&limit=" + events.size(), "Accept", Encoding.PROTOBUF.contentType).bytes();
            var before = ProjectionSnapshot.everything(db);
            Http.Response again = Encoding.PROTOBUF.post(port, stored);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(Encoding.answer(again).path("duplicates").asInt()).isEqualTo(events.size());
            assertThat(ProjectionSnapshot.everything(db)).isEqualTo(before);
            duplicates += events.size();
        }
    }

    /** Client-side numbering: consecutive after the head, except events a fault numbered itself. */
    private void number(List<DataBuildEvent> events, Mode mode) {
        if (!mode.explicitIds()) {
            return;
        }
        long next = head;
        for (int i = 0; i < events.size(); i++) {
            DataBuildEvent e = events.get(i);
            if (e.getEventId() == 0) {
                events.set(i, e.toBuilder().setEventId(++next).setTimestamp(e.getTimestamp() != 0 ? e.getTimestamp() : 1_735_689_600_000L + next).build());
            }
        }
    }

    /** The event the service must name: the first 400 (checked up front), else the first 409/422. */
    private static int expectedIndex(List<Fault> faults) {
        int first = -1;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f != null && f.status == 400) {
                return i;
            }
            if (f != null && first < 0) {
                first = i;
            }
        }
        return first;
    }
}
