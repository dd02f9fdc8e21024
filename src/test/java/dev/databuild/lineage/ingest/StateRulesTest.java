package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.ingest.Events.buffer;
import static dev.databuild.lineage.ingest.Events.cancelWant;
import static dev.databuild.lineage.ingest.Events.failure;
import static dev.databuild.lineage.ingest.Events.heartbeat;
import static dev.databuild.lineage.ingest.Events.success;
import static dev.databuild.lineage.ingest.Events.taint;
import static dev.databuild.lineage.ingest.Events.untaint;
import static dev.databuild.lineage.ingest.Events.want;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.JobRunCancelEventV1;
import dev.databuild.lineage.proto.JobRunMissingDepsEventV1;
import dev.databuild.lineage.proto.MissingDeps;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Ids;
import dev.databuild.lineage.support.StatusHistory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract's state rules, one at a time, beyond what the seed's example exercises. */
class StateRulesTest extends DatabaseTest {

    @Autowired
    IngestService ingest;

    private void post(DataBuildEvent... events) {
        ingest.ingest(List.of(events));
    }

    private void build(String run, String ref, String... reads) {
        post(buffer(run, "//jobs:" + ref, null, ref), heartbeat(run), success(run, reads));
    }

    private String status(UUID uuid) {
        return db.select(PARTITION_INSTANCE.STATUS).from(PARTITION_INSTANCE).where(PARTITION_INSTANCE.UUID.eq(uuid)).fetchSingle(PARTITION_INSTANCE.STATUS);
    }

    private String wantStatus(String wantId) {
        return db.select(WANT.STATUS).from(WANT).where(WANT.WANT_ID.eq(wantId)).fetchSingle(WANT.STATUS);
    }

    private static DataBuildEvent depMiss(String run, String missing) {
        return DataBuildEvent.newBuilder().setJobRunMissingDepsV1(JobRunMissingDepsEventV1.newBuilder().setJobRunId(run)
                .addMissingDeps(MissingDeps.newBuilder().addMissing(Events.ref(missing)))).build();
    }

    @Test
    void readsResolveToTheInstanceCanonicalAtSuccessTime() {
        build("JR-a1", "a");
        post(buffer("JR-b1", "//jobs:b", null, "b"), heartbeat("JR-b1"));
        build("JR-a2", "a");                 // a is rebuilt while b runs
        post(success("JR-b1", "a"));         // b reports reading a now: the new instance
        build("JR-a3", "a");                 // later rebuilds do not rewrite history
        assertThat(db.select(READ_DEP.INPUT_UUID).from(READ_DEP).where(READ_DEP.JOB_RUN_ID.eq("JR-b1")).fetch(READ_DEP.INPUT_UUID))
                .containsExactly(Ids.instanceUuid("JR-a2", "a"));
        // a run that reads the ref it rebuilds read the version before its own
        build("JR-a4", "a", "a");
        assertThat(db.select(READ_DEP.INPUT_UUID).from(READ_DEP).where(READ_DEP.JOB_RUN_ID.eq("JR-a4")).fetch(READ_DEP.INPUT_UUID))
                .containsExactly(Ids.instanceUuid("JR-a3", "a"));
    }

    @Test
    void missingDepThatFailsMakesWaitersUpstreamFailedTransitively() {
        post(want("W-c", "c"), buffer("JR-c1", "//jobs:c", "W-c", "c"), heartbeat("JR-c1"), depMiss("JR-c1", "b"));
        post(buffer("JR-b1", "//jobs:b", null, "b"), heartbeat("JR-b1"), depMiss("JR-b1", "a"));
        assertThat(wantStatus("W-c")).isEqualTo("UPSTREAM_BUILDING");
        post(buffer("JR-a1", "//jobs:a", null, "a"), heartbeat("JR-a1"), failure("JR-a1", "disk full"));
        assertThat(status(Ids.instanceUuid("JR-a1", "a"))).isEqualTo("FAILED");
        assertThat(status(Ids.instanceUuid("JR-b1", "b"))).isEqualTo("UPSTREAM_FAILED");
        assertThat(status(Ids.instanceUuid("JR-c1", "c"))).isEqualTo("UPSTREAM_FAILED");
        assertThat(wantStatus("W-c")).isEqualTo("UPSTREAM_FAILED");
        assertThat(statuses(db.select(WANT.STATUS_HISTORY).from(WANT).where(WANT.WANT_ID.eq("W-c")).fetchSingle().value1()))
                .containsExactly("IDLE", "BUILDING", "UPSTREAM_BUILDING", "UPSTREAM_FAILED");
    }

    @Test
    void depMissOnAnAlreadyLiveRefIsImmediatelyUpForRetry() {
        build("JR-a1", "a");
        post(buffer("JR-b1", "//jobs:b", null, "b"), depMiss("JR-b1", "a"));
        assertThat(statuses(db.select(PARTITION_INSTANCE.STATUS_HISTORY).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.UUID.eq(Ids.instanceUuid("JR-b1", "b"))).fetchSingle().value1()))
                .containsExactly("BUILDING", "UP_FOR_RETRY");
    }

    static List<String> statuses(String packedHistory) {
        return StatusHistory.parse(packedHistory, (status, at, eventId) -> status);
    }

    @Test
    void overlappingTaintsLiftOnlyWhenTheLastIsCanceled() {
        post(want("W-a", "a"));
        build("JR-a1", "a");
        UUID a = Ids.instanceUuid("JR-a1", "a");
        assertThat(wantStatus("W-a")).isEqualTo("SUCCESSFUL");
        post(taint("T-1", "a"));
        post(taint("T-2", "a"));
        assertThat(status(a)).isEqualTo("TAINTED");
        assertThat(wantStatus("W-a")).isEqualTo("IDLE");
        post(untaint("T-1"));
        assertThat(status(a)).isEqualTo("TAINTED");
        post(untaint("T-2"));
        assertThat(status(a)).isEqualTo("LIVE");
        assertThat(wantStatus("W-a")).isEqualTo("SUCCESSFUL");
    }

    @Test
    void canceledRunsAndWantsAndRetryChains() {
        post(want("W-x", "x"), buffer("JR-x1", "//jobs:x", "W-x", "x"),
                DataBuildEvent.newBuilder().setJobRunCancelV1(JobRunCancelEventV1.newBuilder().setJobRunId("JR-x1").setComment("operator")).build());
        assertThat(status(Ids.instanceUuid("JR-x1", "x"))).isEqualTo("CANCELED");
        assertThat(wantStatus("W-x")).isEqualTo("IDLE");
        post(buffer("JR-x2", "//jobs:x", "W-x", "x"), heartbeat("JR-x2"), failure("JR-x2", "oom"));
        assertThat(wantStatus("W-x")).isEqualTo("FAILED");
        post(buffer("JR-x3", "//jobs:x", "W-x", "x"), heartbeat("JR-x3"), success("JR-x3"));
        assertThat(db.select(JOB_RUN.JOB_RUN_ID, JOB_RUN.ATTEMPT, JOB_RUN.PREVIOUS_ATTEMPT_ID, JOB_RUN.ATTEMPT_ROOT_ID).from(JOB_RUN)
                .orderBy(JOB_RUN.BUFFERED_EVENT_ID).fetch().map(r -> r.value1() + ":" + r.value2() + ":" + r.value3() + ":" + r.value4()))
                .containsExactly("JR-x1:1:null:JR-x1", "JR-x2:2:JR-x1:JR-x1", "JR-x3:3:JR-x2:JR-x1");
        assertThat(wantStatus("W-x")).isEqualTo("SUCCESSFUL");
        post(cancelWant("W-x"));
        assertThat(wantStatus("W-x")).isEqualTo("CANCELED");
        build("JR-x4", "x");
        assertThat(wantStatus("W-x")).as("a canceled want stays canceled").isEqualTo("CANCELED");
    }
}
