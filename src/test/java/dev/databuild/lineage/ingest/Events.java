package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.JobRunFailureEventV1;
import dev.databuild.lineage.proto.JobRunHeartbeatEventV1;
import dev.databuild.lineage.proto.JobRunSuccessEventV1;
import dev.databuild.lineage.proto.ManuallyTriggeredEvent;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.proto.TaintCancelEventV1;
import dev.databuild.lineage.proto.TaintCreateEventV1;
import dev.databuild.lineage.proto.WantAttributedPartitions;
import dev.databuild.lineage.proto.WantCancelEventV1;
import dev.databuild.lineage.proto.WantCreateEventV1;

/** Terse builders for single events in tests; event_id 0 lets the service assign it. */
public final class Events {

    private Events() {
    }

    public static PartitionRef ref(String ref) {
        return PartitionRef.newBuilder().setRef(ref).build();
    }

    public static DataBuildEvent want(String wantId, String... refs) {
        var w = WantCreateEventV1.newBuilder().setWantId(wantId).setSource(EventSource.newBuilder()
                .setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser("tester")));
        for (String r : refs) {
            w.addPartitions(ref(r));
        }
        return DataBuildEvent.newBuilder().setWantCreateV1(w).build();
    }

    public static DataBuildEvent cancelWant(String wantId) {
        return DataBuildEvent.newBuilder().setWantCancelV1(WantCancelEventV1.newBuilder().setWantId(wantId)).build();
    }

    public static DataBuildEvent buffer(String runId, String label, String wantId, String... refs) {
        var b = JobRunBufferEventV1.newBuilder().setJobRunId(runId).setJobLabel(label);
        var wap = WantAttributedPartitions.newBuilder().setWantId(wantId == null ? "" : wantId);
        for (String r : refs) {
            b.addBuildingPartitions(ref(r));
            wap.addPartitions(ref(r));
        }
        if (wantId != null) {
            b.addWantAttributedPartitions(wap);
        }
        return DataBuildEvent.newBuilder().setJobRunBufferV1(b).build();
    }

    public static DataBuildEvent heartbeat(String runId) {
        return DataBuildEvent.newBuilder().setJobRunHeartbeatV1(JobRunHeartbeatEventV1.newBuilder().setJobRunId(runId)).build();
    }

    public static DataBuildEvent success(String runId, String... reads) {
        var s = JobRunSuccessEventV1.newBuilder().setJobRunId(runId);
        if (reads.length > 0) {
            var rd = ReadDeps.newBuilder();
            for (String r : reads) {
                rd.addRead(ref(r));
            }
            s.addReadDeps(rd);
        }
        return DataBuildEvent.newBuilder().setJobRunSuccessV1(s).build();
    }

    public static DataBuildEvent failure(String runId, String reason) {
        return DataBuildEvent.newBuilder().setJobRunFailureV1(JobRunFailureEventV1.newBuilder().setJobRunId(runId).setReason(reason)).build();
    }

    public static DataBuildEvent taint(String taintId, String... refs) {
        var t = TaintCreateEventV1.newBuilder().setTaintId(taintId);
        for (String r : refs) {
            t.addPartitions(ref(r));
        }
        return DataBuildEvent.newBuilder().setTaintCreateV1(t).build();
    }

    public static DataBuildEvent untaint(String taintId) {
        return DataBuildEvent.newBuilder().setTaintCancelV1(TaintCancelEventV1.newBuilder().setTaintId(taintId)).build();
    }

    public static DataBuildEvent withId(DataBuildEvent e, long id) {
        return e.toBuilder().setEventId(id).setTimestamp(1_700_000_000_000L + id).build();
    }
}
