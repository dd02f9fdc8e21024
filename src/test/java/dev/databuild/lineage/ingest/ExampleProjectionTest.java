package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.db.Tables.WANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reference's example posted over HTTP, checked row by row in the projection. */
class ExampleProjectionTest extends DatabaseTest {

    static final UUID ALPHA = Ids.instanceUuid("JR-300", "data/alpha");
    static final UUID BETA_DEP_MISS = Ids.instanceUuid("JR-456", "data/beta");
    static final UUID BETA = Ids.instanceUuid("JR-457", "data/beta");
    static final UUID GAMMA_DEP_MISS = Ids.instanceUuid("JR-100", "data/gamma");
    static final UUID GAMMA = Ids.instanceUuid("JR-789", "data/gamma");

    @Autowired
    ReplayService replay;

    @Test
    void protobufExampleProjectsRowByRow() {
        var r = Http.postProtobuf(port, ExampleLog.events());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"applied\":23", "\"duplicates\":0", "\"lastEventId\":23");
        assertExampleProjection();
    }

    @Test
    void jsonExampleProjectsTheSameAndReplayKeepsUuids() {
        var r = Http.post(port, "/api/events", "application/json", Http.jsonArray(ExampleLog.events()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertExampleProjection();
        replay.replay();
        assertExampleProjection();
    }

    private void assertExampleProjection() {
        assertThat(db.select(WANT.WANT_ID, WANT.STATUS, WANT.SOURCE_KIND, WANT.TRIGGERED_BY_RUN_ID).from(WANT).orderBy(WANT.WANT_ID).fetch()
                .map(rec -> tuple(rec.value1(), rec.value2(), rec.value3(), rec.value4())))
                .containsExactly(
                        tuple("W-001", "SUCCESSFUL", "MANUAL", null),
                        tuple("W-002", "SUCCESSFUL", "JOB", "JR-100"),
                        tuple("W-003", "SUCCESSFUL", "JOB", "JR-456"));
        assertThat(db.select(JOB_RUN.JOB_RUN_ID, JOB_RUN.STATUS, JOB_RUN.ATTEMPT, JOB_RUN.PREVIOUS_ATTEMPT_ID).from(JOB_RUN)
                .orderBy(JOB_RUN.BUFFERED_EVENT_ID).fetch().map(rec -> tuple(rec.value1(), rec.value2(), rec.value3(), rec.value4())))
                .containsExactly(
                        tuple("JR-100", "DEP_MISS", 1, null),
                        tuple("JR-456", "DEP_MISS", 1, null),
                        tuple("JR-300", "SUCCEEDED", 1, null),
                        tuple("JR-457", "SUCCEEDED", 2, "JR-456"),
                        tuple("JR-789", "SUCCEEDED", 2, "JR-100"));
        assertThat(StateRulesTest.statuses(db.select(JOB_RUN.STATUS_HISTORY).from(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.eq("JR-456"))
                .fetchSingle().value1()))
                .containsExactly("BUFFERED", "QUEUED", "RUNNING", "DEP_MISS");
        assertThat(db.select(PARTITION_INSTANCE.UUID, PARTITION_INSTANCE.REF, PARTITION_INSTANCE.JOB_RUN_ID, PARTITION_INSTANCE.STATUS,
                        PARTITION_INSTANCE.SUPERSEDED_EVENT_ID.isNull())
                .from(PARTITION_INSTANCE).orderBy(PARTITION_INSTANCE.CREATED_EVENT_ID).fetch()
                .map(rec -> tuple(rec.value1(), rec.value2(), rec.value3(), rec.value4(), rec.value5())))
                .containsExactly(
                        tuple(GAMMA_DEP_MISS, "data/gamma", "JR-100", "UP_FOR_RETRY", false),
                        tuple(BETA_DEP_MISS, "data/beta", "JR-456", "UP_FOR_RETRY", false),
                        tuple(ALPHA, "data/alpha", "JR-300", "LIVE", true),
                        tuple(BETA, "data/beta", "JR-457", "LIVE", true),
                        tuple(GAMMA, "data/gamma", "JR-789", "LIVE", true));
        assertThat(StateRulesTest.statuses(db.select(PARTITION_INSTANCE.STATUS_HISTORY).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.UUID.eq(BETA_DEP_MISS)).fetchSingle().value1()))
                .containsExactly("BUILDING", "UPSTREAM_BUILDING", "UP_FOR_RETRY");
        assertThat(db.select(PARTITION_REF.REF, PARTITION_REF.CURRENT_UUID).from(PARTITION_REF).orderBy(PARTITION_REF.REF).fetch()
                .map(rec -> tuple(rec.value1(), rec.value2())))
                .containsExactly(tuple("data/alpha", ALPHA), tuple("data/beta", BETA), tuple("data/gamma", GAMMA));
        assertThat(db.select(READ_DEP.OUTPUT_UUID, READ_DEP.INPUT_UUID, READ_DEP.JOB_RUN_ID).from(READ_DEP)
                .orderBy(READ_DEP.EVENT_ID, READ_DEP.INPUT_REF).fetch().map(rec -> tuple(rec.value1(), rec.value2(), rec.value3())))
                .containsExactly(
                        tuple(BETA, ALPHA, "JR-457"),
                        tuple(GAMMA, ALPHA, "JR-789"),
                        tuple(GAMMA, BETA, "JR-789"));
        assertThat(db.fetchCount(RUN_READ, RUN_READ.INPUT_UUID.eq(ALPHA))).isEqualTo(2);
    }
}
