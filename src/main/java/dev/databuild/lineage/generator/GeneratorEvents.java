package dev.databuild.lineage.generator;

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
import dev.databuild.lineage.proto.TaintCancelEventV1;
import dev.databuild.lineage.proto.TaintCreateEventV1;
import dev.databuild.lineage.proto.WantAttributedPartitions;
import dev.databuild.lineage.proto.WantCancelEventV1;
import dev.databuild.lineage.proto.WantCreateEventV1;
import java.util.List;

/** Protobuf builders for {@link GeneratorState}; envelope fields (id, timestamp) are set on emit. */
final class GeneratorEvents {

    private GeneratorEvents() {
    }

    static EventSource manual(String user) {
        return EventSource.newBuilder().setManuallyTriggered(ManuallyTriggeredEvent.newBuilder().setUser(user)).build();
    }

    static EventSource jobTriggered(String runId) {
        return EventSource.newBuilder().setJobTriggered(JobTriggeredEvent.newBuilder().setJobRunId(runId)).build();
    }

    static DataBuildEvent.Builder wantCreate(String wantId, List<PartitionRef> refs, long dataTimestamp,
                                             long ttlSeconds, long slaSeconds, EventSource source) {
        return DataBuildEvent.newBuilder().setWantCreateV1(WantCreateEventV1.newBuilder().setWantId(wantId)
                .addAllPartitions(refs).setDataTimestamp(dataTimestamp).setTtlSeconds(ttlSeconds)
                .setSlaSeconds(slaSeconds).setSource(source));
    }

    static DataBuildEvent.Builder wantCancel(String wantId, EventSource source, String comment) {
        return DataBuildEvent.newBuilder().setWantCancelV1(WantCancelEventV1.newBuilder().setWantId(wantId)
                .setSource(source).setComment(comment));
    }

    /** A one-ref run (one job label per ref), attributed to each of {@code wantIds} for that ref. */
    static DataBuildEvent.Builder buffer(String runId, String label, PartitionRef ref, List<String> wantIds) {
        JobRunBufferEventV1.Builder buffer = JobRunBufferEventV1.newBuilder().setJobRunId(runId)
                .setJobLabel(label).addBuildingPartitions(ref);
        for (String wantId : wantIds) {
            buffer.addWantAttributedPartitions(WantAttributedPartitions.newBuilder().setWantId(wantId).addPartitions(ref));
        }
        return DataBuildEvent.newBuilder().setJobRunBufferV1(buffer);
    }

    static DataBuildEvent.Builder queue(String runId) {
        return DataBuildEvent.newBuilder().setJobRunQueueV1(JobRunQueueEventV1.newBuilder().setJobRunId(runId));
    }

    static DataBuildEvent.Builder heartbeat(String runId) {
        return DataBuildEvent.newBuilder().setJobRunHeartbeatV1(JobRunHeartbeatEventV1.newBuilder().setJobRunId(runId));
    }

    /** {@code read} may be null: runs of layer-0 refs read nothing. */
    static DataBuildEvent.Builder success(String runId, ReadDeps read) {
        JobRunSuccessEventV1.Builder success = JobRunSuccessEventV1.newBuilder().setJobRunId(runId);
        if (read != null) {
            success.addReadDeps(read);
        }
        return DataBuildEvent.newBuilder().setJobRunSuccessV1(success);
    }

    static DataBuildEvent.Builder failure(String runId, String reason) {
        return DataBuildEvent.newBuilder().setJobRunFailureV1(JobRunFailureEventV1.newBuilder()
                .setJobRunId(runId).setReason(reason));
    }

    static DataBuildEvent.Builder cancel(String runId, EventSource source, String comment) {
        return DataBuildEvent.newBuilder().setJobRunCancelV1(JobRunCancelEventV1.newBuilder()
                .setJobRunId(runId).setSource(source).setComment(comment));
    }

    /** {@code read} (what was present and read before the miss) may be null. */
    static DataBuildEvent.Builder missingDeps(String runId, PartitionRef impacted, List<PartitionRef> missing, ReadDeps read) {
        JobRunMissingDepsEventV1.Builder event = JobRunMissingDepsEventV1.newBuilder().setJobRunId(runId)
                .addMissingDeps(MissingDeps.newBuilder().addImpacted(impacted).addAllMissing(missing));
        if (read != null) {
            event.addReadDeps(read);
        }
        return DataBuildEvent.newBuilder().setJobRunMissingDepsV1(event);
    }

    static ReadDeps readDeps(PartitionRef impacted, List<PartitionRef> reads) {
        return ReadDeps.newBuilder().addImpacted(impacted).addAllRead(reads).build();
    }

    static DataBuildEvent.Builder taintCreate(String taintId, List<PartitionRef> refs, EventSource source, String comment) {
        return DataBuildEvent.newBuilder().setTaintCreateV1(TaintCreateEventV1.newBuilder().setTaintId(taintId)
                .addAllPartitions(refs).setSource(source).setComment(comment));
    }

    static DataBuildEvent.Builder taintCancel(String taintId, EventSource source, String comment) {
        return DataBuildEvent.newBuilder().setTaintCancelV1(TaintCancelEventV1.newBuilder().setTaintId(taintId)
                .setSource(source).setComment(comment));
    }
}
