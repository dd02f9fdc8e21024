package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.JobRunHeartbeatEventV1;
import dev.databuild.lineage.proto.JobRunMissingDepsEventV1;
import dev.databuild.lineage.proto.JobRunQueueEventV1;
import dev.databuild.lineage.proto.JobRunSuccessEventV1;
import dev.databuild.lineage.proto.JobTriggeredEvent;
import dev.databuild.lineage.proto.ManuallyTriggeredEvent;
import dev.databuild.lineage.proto.MissingDeps;
import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.proto.ReadDeps;
import dev.databuild.lineage.proto.WantAttributedPartitions;
import dev.databuild.lineage.proto.WantCreateEventV1;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's example, W-001 wanting data/gamma: two dep-misses spawn W-002 and W-003, and
 * JR-457 and JR-789 retry JR-456 and JR-100. Event ids 1..23, one second apart from 2025-01-01.
 */
public final class ExampleLog {

    public static final long START_MILLIS = 1_735_689_600_000L;

    private final List<DataBuildEvent> events = new ArrayList<>();

    private ExampleLog() {
        want("W-001", "data/gamma", manual("alice"), "the seed's example");
        run("JR-100", "//jobs:gamma", "data/gamma", "W-001");
        add(DataBuildEvent.newBuilder().setJobRunMissingDepsV1(JobRunMissingDepsEventV1.newBuilder().setJobRunId("JR-100")
                .addMissingDeps(MissingDeps.newBuilder().addImpacted(ref("data/gamma")).addMissing(ref("data/beta")))));
        want("W-002", "data/beta", job("JR-100"), null);
        run("JR-456", "//jobs:beta", "data/beta", "W-002");
        add(DataBuildEvent.newBuilder().setJobRunMissingDepsV1(JobRunMissingDepsEventV1.newBuilder().setJobRunId("JR-456")
                .addMissingDeps(MissingDeps.newBuilder().addImpacted(ref("data/beta")).addMissing(ref("data/alpha")))));
        want("W-003", "data/alpha", job("JR-456"), null);
        run("JR-300", "//jobs:alpha", "data/alpha", "W-003");
        succeed("JR-300", "data/alpha");
        run("JR-457", "//jobs:beta", "data/beta", "W-002");
        succeed("JR-457", "data/beta", "data/alpha");
        run("JR-789", "//jobs:gamma", "data/gamma", "W-001");
        succeed("JR-789", "data/gamma", "data/beta", "data/alpha");
    }

    public static List<DataBuildEvent> events() {
        return List.copyOf(new ExampleLog().events);
    }

    private void want(String id, String ref, EventSource source, String comment) {
        var w = WantCreateEventV1.newBuilder().setWantId(id).addPartitions(ref(ref)).setSource(source)
                .setDataTimestamp(START_MILLIS).setTtlSeconds(86_400).setSlaSeconds(3_600);
        if (comment != null) {
            w.setComment(comment);
        }
        add(DataBuildEvent.newBuilder().setWantCreateV1(w));
    }

    private void run(String id, String label, String ref, String wantId) {
        add(DataBuildEvent.newBuilder().setJobRunBufferV1(JobRunBufferEventV1.newBuilder().setJobRunId(id).setJobLabel(label)
                .addBuildingPartitions(ref(ref))
                .addWantAttributedPartitions(WantAttributedPartitions.newBuilder().setWantId(wantId).addPartitions(ref(ref)))));
        add(DataBuildEvent.newBuilder().setJobRunQueueV1(JobRunQueueEventV1.newBuilder().setJobRunId(id)));
        add(DataBuildEvent.newBuilder().setJobRunHeartbeatV1(JobRunHeartbeatEventV1.newBuilder().setJobRunId(id)));
    }

    private void succeed(String id, String output, String... reads) {
        var s = JobRunSuccessEventV1.newBuilder().setJobRunId(id);
        if (reads.length > 0) {
            var rd = ReadDeps.newBuilder().addImpacted(ref(output));
            for (String r : reads) {
                rd.addRead(ref(r));
            }
            s.addReadDeps(rd);
        }
        add(DataBuildEvent.newBuilder().setJobRunSuccessV1(s));
    }

    private void add(DataBuildEvent.Builder e) {
        long id = events.size() + 1;
        events.add(e.setEventId(id).setTimestamp(START_MILLIS + id * 1_000).build());
    }

    static PartitionRef ref(String ref) {
        return PartitionRef.newBuilder().setRef(ref).build();
    }

    private static EventSource manual(String user) {
        return EventSource.newBuilder().setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser(user)).build();
    }

    private static EventSource job(String jobRunId) {
        return EventSource.newBuilder().setJobTriggered(JobTriggeredEvent.newBuilder().setJobRunId(jobRunId)).build();
    }
}
