package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/events lets another instance or a tool follow the log, in either encoding. */
class EventLogReadTest extends DatabaseTest {

    @Test
    void followsTheLogInProtobufAndJsonAndAssignsIds() {
        var posted = Http.post(port, "/api/events", "application/x-ndjson",
                ("{\"wantCreateV1\":{\"wantId\":\"W-1\",\"partitions\":[{\"ref\":\"a\"}]}}\n\n"
                        + "{\"wantCreateV1\":{\"wantId\":\"W-2\",\"partitions\":[{\"ref\":\"b\"}]}}\n").getBytes());
        assertThat(posted.body()).contains("\"applied\":2", "\"lastEventId\":2");

        var proto = Http.get(port, "/api/events?after=1&limit=10", "Accept", "application/x-protobuf");
        assertThat(proto.status()).isEqualTo(200);
        assertThat(proto.raw().headers().firstValue("Lineage-Log-Head")).contains("2");
        List<DataBuildEvent> events = new ArrayList<>(EventDecoder.delimited(proto.bytes()));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getEventId()).isEqualTo(2);
        assertThat(events.get(0).getTimestamp()).isPositive();
        assertThat(events.get(0).getWantCreateV1().getWantId()).isEqualTo("W-2");

        var json = Http.get(port, "/api/events?after=0&limit=1");
        assertThat(EventDecoder.jsonArray(json.bytes())).extracting(e -> e.getWantCreateV1().getWantId()).containsExactly("W-1");
        // what GET returns can be posted back as it is: all duplicates
        assertThat(Http.post(port, "/api/events", "application/json", Http.get(port, "/api/events").bytes()).body())
                .contains("\"duplicates\":2");
        assertThat(Http.get(port, "/api/events?limit=0").status()).isEqualTo(400);
    }

    /**
     * The header is read first and bounds the events: a row past the head (what a writer's commit
     * in flight, or the anomaly CompactingLoadTest once saw, looks like to a reader) is not sent.
     */
    @Test
    void neverSendsAnEventPastTheHeadItReports() {
        Http.post(port, "/api/events", "application/x-ndjson",
                "{\"wantCreateV1\":{\"wantId\":\"W-1\",\"partitions\":[{\"ref\":\"a\"}]}}\n".getBytes());
        byte[] beyond = DataBuildEvent.newBuilder().setEventId(2).build().toByteArray();
        db.insertInto(EVENT_LOG).set(EVENT_LOG.EVENT_ID, 2L).set(EVENT_LOG.EVENT_TIME, 0L).set(EVENT_LOG.KIND, "wantCreateV1")
                .set(EVENT_LOG.PAYLOAD, beyond).set(EVENT_LOG.RECEIVED_AT, 0L).execute();

        var read = Http.get(port, "/api/events?after=0&limit=10", "Accept", "application/x-protobuf");
        assertThat(read.raw().headers().firstValue("Lineage-Log-Head")).contains("1");
        assertThat(EventDecoder.delimited(read.bytes())).extracting(DataBuildEvent::getEventId).containsExactly(1L);
    }
}
