package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.proto.EventSource;
import dev.databuild.lineage.proto.JobRunBufferEventV1;
import dev.databuild.lineage.proto.JobRunCancelEventV1;
import dev.databuild.lineage.proto.JobRunFailureEventV1;
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
import dev.databuild.lineage.proto.WantCancelEventV1;
import dev.databuild.lineage.proto.WantCreateEventV1;
import java.util.ArrayList;
import java.util.List;

/** Test logs, event by event: ids from 1, one second apart from 2025-01-01T00:00:00Z. */
public final class LogBuilder {

    public static final long START_MILLIS = 1_735_689_600_000L;

    private final List<DataBuildEvent> events = new ArrayList<>();

    public List<DataBuildEvent> events() {
        return List.copyOf(events);
    }

    public LogBuilder want(String wantId, String user, String... refs) {
        return want(wantId, manual(user), refs);
    }

    /** A derivative want: spawned by the dep-miss of {@code jobRunId}. */
    public LogBuilder derivedWant(String wantId, String jobRunId, String... refs) {
        return want(wantId, EventSource.newBuilder().setJobTriggered(JobTriggeredEvent.newBuilder().setJobRunId(jobRunId)).build(), refs);
    }

    private LogBuilder want(String wantId, EventSource source, String... refs) {
        var w = WantCreateEventV1.newBuilder().setWantId(wantId).setSource(source)
                .setDataTimestamp(START_MILLIS).setTtlSeconds(86_400).setSlaSeconds(3_600);
        for (String r : refs) {
            w.addPartitions(ref(r));
        }
        return add(DataBuildEvent.newBuilder().setWantCreateV1(w));
    }

    public LogBuilder cancelWant(String wantId, String user, String comment) {
        return add(DataBuildEvent.newBuilder().setWantCancelV1(
                WantCancelEventV1.newBuilder().setWantId(wantId).setSource(manual(user)).setComment(comment)));
    }

    /** Buffered, queued and running: building {@code refs}, all on behalf of {@code wantIds}. */
    public LogBuilder run(String jobRunId, String label, List<String> wantIds, String... refs) {
        var b = JobRunBufferEventV1.newBuilder().setJobRunId(jobRunId).setJobLabel(label);
        for (String r : refs) {
            b.addBuildingPartitions(ref(r));
        }
        for (String w : wantIds) {
            var wap = WantAttributedPartitions.newBuilder().setWantId(w);
            for (String r : refs) {
                wap.addPartitions(ref(r));
            }
            b.addWantAttributedPartitions(wap);
        }
        add(DataBuildEvent.newBuilder().setJobRunBufferV1(b));
        add(DataBuildEvent.newBuilder().setJobRunQueueV1(JobRunQueueEventV1.newBuilder().setJobRunId(jobRunId)));
        return add(DataBuildEvent.newBuilder().setJobRunHeartbeatV1(JobRunHeartbeatEventV1.newBuilder().setJobRunId(jobRunId)));
    }

    public LogBuilder run(String jobRunId, String label, String wantId, String... refs) {
        return run(jobRunId, label, wantId == null ? List.of() : List.of(wantId), refs);
    }

    public LogBuilder heartbeat(String jobRunId) {
        return add(DataBuildEvent.newBuilder().setJobRunHeartbeatV1(JobRunHeartbeatEventV1.newBuilder().setJobRunId(jobRunId)));
    }

    /** Success; every output was computed from every ref in {@code reads}. */
    public LogBuilder succeed(String jobRunId, String... reads) {
        var s = JobRunSuccessEventV1.newBuilder().setJobRunId(jobRunId);
        if (reads.length > 0) {
            var rd = ReadDeps.newBuilder();
            for (String r : reads) {
                rd.addRead(ref(r));
            }
            s.addReadDeps(rd);
        }
        return add(DataBuildEvent.newBuilder().setJobRunSuccessV1(s));
    }

    /** Dep-miss: every output misses every ref in {@code missing}. */
    public LogBuilder depMiss(String jobRunId, String... missing) {
        var md = MissingDeps.newBuilder();
        for (String r : missing) {
            md.addMissing(ref(r));
        }
        return add(DataBuildEvent.newBuilder().setJobRunMissingDepsV1(
                JobRunMissingDepsEventV1.newBuilder().setJobRunId(jobRunId).addMissingDeps(md)));
    }

    public LogBuilder fail(String jobRunId, String reason) {
        return add(DataBuildEvent.newBuilder().setJobRunFailureV1(
                JobRunFailureEventV1.newBuilder().setJobRunId(jobRunId).setReason(reason)));
    }

    public LogBuilder cancel(String jobRunId, String user, String comment) {
        return add(DataBuildEvent.newBuilder().setJobRunCancelV1(
                JobRunCancelEventV1.newBuilder().setJobRunId(jobRunId).setSource(manual(user)).setComment(comment)));
    }

    /** The millis of the event with this id. */
    public static long at(long eventId) {
        return START_MILLIS + eventId * 1_000;
    }

    public long lastEventId() {
        return events.size();
    }

    private LogBuilder add(DataBuildEvent.Builder e) {
        long id = events.size() + 1;
        events.add(e.setEventId(id).setTimestamp(at(id)).build());
        return this;
    }

    private static PartitionRef ref(String ref) {
        return PartitionRef.newBuilder().setRef(ref).build();
    }

    private static EventSource manual(String user) {
        return EventSource.newBuilder().setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser(user)).build();
    }
}
