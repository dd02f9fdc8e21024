package dev.databuild.lineage.partition;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.JobRunFailureEventV1;
import dev.databuild.lineage.proto.JobRunSuccessEventV1;
import dev.databuild.lineage.proto.ManuallyTriggeredEvent;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.proto.WantAttributedPartitions;
import dev.databuild.lineage.proto.WantCreateEventV1;
import java.util.List;

/**
 * Build Event Log events for tests, with event_id 0 so the service numbers them after whatever is
 * already in the log.
 */
public final class Bel {

    private Bel() {
    }

    public static DataBuildEvent want(String wantId, String... refs) {
        var w = WantCreateEventV1.newBuilder().setWantId(wantId).setTtlSeconds(60).setSlaSeconds(60)
                .setSource(EventSource.newBuilder().setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser("test")));
        for (String r : refs) {
            w.addPartitions(ref(r));
        }
        return DataBuildEvent.newBuilder().setWantCreateV1(w).build();
    }

    /** A run buffered to build {@code refs}, for no want. Its job label is unique, so it retries nothing. */
    public static DataBuildEvent buffer(String jobRunId, String... refs) {
        return bufferFor(jobRunId, null, refs);
    }

    /** A run buffered to build {@code refs} on behalf of want {@code wantId}. */
    public static DataBuildEvent bufferFor(String jobRunId, String wantId, String... refs) {
        var b = JobRunBufferEventV1.newBuilder().setJobRunId(jobRunId).setJobLabel("//jobs:" + jobRunId);
        for (String r : refs) {
            b.addBuildingPartitions(ref(r));
        }
        if (wantId != null) {
            var wap = WantAttributedPartitions.newBuilder().setWantId(wantId);
            for (String r : refs) {
                wap.addPartitions(ref(r));
            }
            b.addWantAttributedPartitions(wap);
        }
        return DataBuildEvent.newBuilder().setJobRunBufferV1(b).build();
    }

    /** The run succeeded; every output it built was computed from all of {@code reads}. */
    public static DataBuildEvent success(String jobRunId, String... reads) {
        var s = JobRunSuccessEventV1.newBuilder().setJobRunId(jobRunId);
        if (reads.length > 0) {
            var rd = ReadDeps.newBuilder();
            for (String r : reads) {
                rd.addRead(ref(r));
            }
            s.addReadDeps(rd);
        }
        return DataBuildEvent.newBuilder().setJobRunSuccessV1(s).build();
    }

    /** The run succeeded; {@code output} was computed from {@code reads} (other outputs read nothing). */
    public static DataBuildEvent successFor(String jobRunId, String output, String... reads) {
        var rd = ReadDeps.newBuilder().addImpacted(ref(output));
        for (String r : reads) {
            rd.addRead(ref(r));
        }
        return DataBuildEvent.newBuilder().setJobRunSuccessV1(JobRunSuccessEventV1.newBuilder().setJobRunId(jobRunId).addReadDeps(rd)).build();
    }

    public static DataBuildEvent failure(String jobRunId) {
        return DataBuildEvent.newBuilder().setJobRunFailureV1(JobRunFailureEventV1.newBuilder().setJobRunId(jobRunId).setReason("boom")).build();
    }

    /** A run that builds {@code output} from {@code reads} and succeeds. */
    public static List<DataBuildEvent> build(String jobRunId, String output, String... reads) {
        return List.of(buffer(jobRunId, output), success(jobRunId, reads));
    }

    static PartitionRef ref(String ref) {
        return PartitionRef.newBuilder().setRef(ref).build();
    }
}
