package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.ingest.Events.buffer;
import static dev.databuild.lineage.ingest.Events.cancelWant;
import static dev.databuild.lineage.ingest.Events.failure;
import static dev.databuild.lineage.ingest.Events.heartbeat;
import static dev.databuild.lineage.ingest.Events.ref;
import static dev.databuild.lineage.ingest.Events.success;
import static dev.databuild.lineage.ingest.Events.taint;
import static dev.databuild.lineage.ingest.Events.untaint;
import static dev.databuild.lineage.ingest.Events.want;
import static dev.databuild.lineage.reliability.Hostile.events;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.JobRunCancelEventV1;
import dev.databuild.lineage.proto.JobRunMissingDepsEventV1;
import dev.databuild.lineage.proto.JobRunQueueEventV1;
import dev.databuild.lineage.proto.JobTriggeredEvent;
import dev.databuild.lineage.proto.ManuallyTriggeredEvent;
import dev.databuild.lineage.proto.MissingDeps;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.proto.WantCreateEventV1;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Events that decode but must not apply, each after a valid prefix (#0, #1) that must be undone
 * too. The database holds the reference's example (ids 1..23, JR-300 and JR-789 succeeded).
 */
final class HostileEvents {

    private HostileEvents() {
    }

    static List<Hostile> all() {
        List<Hostile> all = new ArrayList<>(missingIds());
        all.addAll(unknownTargets());
        all.addAll(secondEvents());
        all.addAll(ids());
        all.addAll(text());
        return all;
    }

    static List<Hostile> missingIds() {
        return List.of(
                events("want_cancel_v1 without want_id", 400, 2, "want_cancel_v1.want_id is required", cancelWant("")),
                events("queue without job_run_id", 400, 2, "job_run_queue_v1.job_run_id is required", queue("")),
                events("heartbeat without job_run_id", 400, 2, "job_run_heartbeat_v1.job_run_id is required", heartbeat(" ")),
                events("success without job_run_id", 400, 2, "job_run_success_v1.job_run_id is required", success("")),
                events("failure without job_run_id", 400, 2, "job_run_failure_v1.job_run_id is required", failure("", "x")),
                events("cancel without job_run_id", 400, 2, "job_run_cancel_v1.job_run_id is required", cancel("")),
                events("missing deps without job_run_id", 400, 2, "job_run_missing_deps_v1.job_run_id is required", depMiss("", "data/x")),
                events("missing deps naming nothing", 400, 2, "missing_deps is empty", DataBuildEvent.newBuilder()
                        .setJobRunMissingDepsV1(JobRunMissingDepsEventV1.newBuilder().setJobRunId("JR-100X")).build()),
                events("taint without taint_id", 400, 2, "taint_create_v1.taint_id is required", taint("", "data/alpha")),
                events("taint cancel without taint_id", 400, 2, "taint_cancel_v1.taint_id is required", untaint("")),
                events("buffer attributed to an empty want_id", 400, 2, "want_attributed_partitions.want_id is required", buffer("JR-9", "//j", "", "data/x")),
                events("buffer building an empty ref", 400, 2, "building_partitions.ref is required", buffer("JR-9", "//j", null, "")),
                events("want triggered by an empty job_run_id", 400, 2, "job_triggered.job_run_id is required", triggeredWant("W-9", ""))
        );
    }

    static List<Hostile> unknownTargets() {
        return List.of(
                events("queue of an unknown run", 422, 2, "unknown job run JR-404", queue("JR-404")),
                events("success of an unknown run", 422, 2, "unknown job run JR-404", success("JR-404")),
                events("failure of an unknown run", 422, 2, "unknown job run JR-404", failure("JR-404", "x")),
                events("cancel of an unknown run", 422, 2, "unknown job run JR-404", cancel("JR-404")),
                events("missing deps of an unknown run", 422, 2, "unknown job run JR-404", depMiss("JR-404", "data/x")),
                events("want triggered by an unknown run", 422, 2, "unknown job run JR-404", triggeredWant("W-9", "JR-404")),
                events("want cancel of a want of this batch, then of an unknown want", 422, 3, "unknown want W-405", cancelWant("W-100"), cancelWant("W-405")),
                events("dep-miss impacting a ref the run does not build", 422, 2, "does not build", depMissImpacting("JR-100X", "data/alpha", "data/x")),
                events("success with reads impacting a ref the run does not build", 422, 2, "does not build", DataBuildEvent.newBuilder()
                        .setJobRunSuccessV1(success("JR-100X").getJobRunSuccessV1().toBuilder()
                                .addReadDeps(ReadDeps.newBuilder().addImpacted(ref("data/gamma")).addRead(ref("data/alpha")))).build()),
                events("buffer attributing a ref it does not build", 422, 2, "does not build", DataBuildEvent.newBuilder()
                        .setJobRunBufferV1(buffer("JR-9", "//j", "W-001", "data/x").getJobRunBufferV1().toBuilder()
                                .setWantAttributedPartitions(0, buffer("JR-9", "//j", "W-001", "data/y").getJobRunBufferV1().getWantAttributedPartitions(0)))
                        .build())
        );
    }

    static List<Hostile> secondEvents() {
        return List.of(
                events("dep-miss after success", 422, 2, "already ended as SUCCEEDED", depMiss("JR-300", "data/x")),
                events("cancel after success", 422, 2, "already ended as SUCCEEDED", cancel("JR-789")),
                events("heartbeat after success", 422, 2, "already ended", heartbeat("JR-457")),
                events("two terminal events in one batch", 422, 3, "already ended as FAILED", failure("JR-100X", "oom"), success("JR-100X")),
                events("queue after heartbeat", 422, 3, "already RUNNING", heartbeat("JR-100X"), queue("JR-100X")),
                events("the same taint twice", 422, 3, "taint T-1 already exists", taint("T-1", "data/alpha"), taint("T-1", "data/beta")),
                events("taint canceled twice", 422, 4, "already canceled", taint("T-1", "data/alpha"), untaint("T-1"), untaint("T-1")),
                events("want canceled twice", 422, 3, "already canceled", cancelWant("W-002"), cancelWant("W-002")),
                events("the same run buffered twice in a batch", 422, 2, "JR-100X was already buffered", buffer("JR-100X", "//jobs:new", null, "data/other"))
        );
    }

    static List<Hostile> ids() {
        return List.of(
                events("ids out of order within a batch", 409, 3, "out of order", id(want("W-9", "x"), 30), id(want("W-10", "y"), 29)),
                events("one id twice with different content in a batch", 409, 3, "different content", id(want("W-9", "x"), 30), id(want("W-10", "y"), 30)),
                events("a stored id with another time stamp", 409, 2, "different content",
                        dev.databuild.lineage.ingest.ExampleLog.events().get(4).toBuilder().setTimestamp(5).build()),
                events("event_id 2^64-1 (negative in Java)", 400, 2, "event_id", id(want("W-9", "x"), -1)),
                events("event_id 2^63 (Long.MIN in Java)", 400, 2, "event_id", id(want("W-9", "x"), Long.MIN_VALUE)),
                events("event_id Long.MAX, then one to assign", 409, 3, "no event id left", id(want("W-9", "x"), Long.MAX_VALUE), want("W-10", "y")),
                events("timestamp 2^64-1 (negative in Java)", 400, 2, "timestamp", at(want("W-9", "x"), -1)),
                events("timestamp in nanoseconds", 400, 2, "timestamp", at(want("W-9", "x"), 1_735_689_600_000_000_000L)),
                events("data_timestamp 2^64-1", 400, 2, "data_timestamp", wantWith(w -> w.setDataTimestamp(-1))),
                events("data_timestamp in nanoseconds", 400, 2, "data_timestamp", wantWith(w -> w.setDataTimestamp(1_735_689_600_000_000_000L))),
                events("ttl_seconds 2^64-1", 400, 2, "ttl_seconds", wantWith(w -> w.setTtlSeconds(-1))),
                events("sla_seconds 2^63", 400, 2, "sla_seconds", wantWith(w -> w.setSlaSeconds(Long.MIN_VALUE)))
        );
    }

    static List<Hostile> text() {
        return List.of(
                events("NUL in a want_id", 400, 2, "NUL", want("W-\u00009", "x")),
                events("NUL in a job label", 400, 2, "NUL", buffer("JR-9", "//jobs:\u0000", null, "x")),
                events("NUL in a failure reason", 400, 2, "NUL", failure("JR-100X", "exit\u00001")),
                events("NUL in a user", 400, 2, "NUL", wantWith(w -> w.setSource(EventSource.newBuilder()
                        .setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser("a\u0000b"))))),
                events("NUL in a comment", 400, 2, "NUL", wantWith(w -> w.setComment("bad\u0000comment"))),
                events("a want of 20,000 refs (the limit), then an unknown run", 422, 3, "unknown job run JR-404", hugeWant(20_000), heartbeat("JR-404")),
                events("a want of 100,000 refs", 400, 2, "at most 20000", hugeWant(100_000))
        );
    }

    static DataBuildEvent queue(String run) {
        return DataBuildEvent.newBuilder().setJobRunQueueV1(JobRunQueueEventV1.newBuilder().setJobRunId(run)).build();
    }

    static DataBuildEvent cancel(String run) {
        return DataBuildEvent.newBuilder().setJobRunCancelV1(JobRunCancelEventV1.newBuilder().setJobRunId(run)).build();
    }

    static DataBuildEvent depMiss(String run, String missing) {
        return DataBuildEvent.newBuilder().setJobRunMissingDepsV1(JobRunMissingDepsEventV1.newBuilder().setJobRunId(run)
                .addMissingDeps(MissingDeps.newBuilder().addMissing(ref(missing)))).build();
    }

    static DataBuildEvent depMissImpacting(String run, String impacted, String missing) {
        return DataBuildEvent.newBuilder().setJobRunMissingDepsV1(JobRunMissingDepsEventV1.newBuilder().setJobRunId(run)
                .addMissingDeps(MissingDeps.newBuilder().addImpacted(ref(impacted)).addMissing(ref(missing)))).build();
    }

    static DataBuildEvent triggeredWant(String wantId, String run) {
        return wantWith(w -> w.setWantId(wantId).setSource(EventSource.newBuilder().setJobTriggered(JobTriggeredEvent.newBuilder().setJobRunId(run))));
    }

    static DataBuildEvent wantWith(UnaryOperator<WantCreateEventV1.Builder> change) {
        return DataBuildEvent.newBuilder().setWantCreateV1(change.apply(want("W-9", "x").getWantCreateV1().toBuilder())).build();
    }

    static DataBuildEvent hugeWant(int refs) {
        var w = WantCreateEventV1.newBuilder().setWantId("W-HUGE");
        for (int i = 0; i < refs; i++) {
            w.addPartitions(ref("data/huge/p" + i));
        }
        return DataBuildEvent.newBuilder().setWantCreateV1(w).build();
    }

    static DataBuildEvent id(DataBuildEvent e, long id) {
        return e.toBuilder().setEventId(id).build();
    }

    static DataBuildEvent at(DataBuildEvent e, long timestamp) {
        return e.toBuilder().setTimestamp(timestamp).build();
    }
}
