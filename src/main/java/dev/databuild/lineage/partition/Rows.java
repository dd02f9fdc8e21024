package dev.databuild.lineage.partition;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.db.tables.records.WantRecord;
import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.want.Want;

/**
 * Runs and wants read by this feature's own joins. Their features' mappers are package-private, and
 * going through their by-id loaders instead would cost a second statement per traversal step.
 */
public final class Rows {

    private Rows() {
    }

    public static JobRun run(JobRunRecord r) {
        return new JobRun(r.getJobRunId(), r.getJobLabel(), r.getStatus(), r.getBufferedEventId(), r.getBufferedAt(),
                r.getQueuedAt(), r.getStartedAt(), r.getLastHeartbeatAt(), r.getEndedEventId(), r.getEndedAt(),
                r.getFailureReason(), r.getCancelComment(), r.getCancelSourceKind(), r.getCancelSourceUser(),
                r.getCancelSourceRunId(), r.getPreviousAttemptId(), r.getAttemptRootId(), r.getAttempt());
    }

    public static Want want(WantRecord r) {
        return new Want(r.getWantId(), r.getCreatedEventId(), r.getCreatedAt(), r.getDataTimestamp(), r.getTtlSeconds(),
                r.getSlaSeconds(), r.getComment(), r.getSourceKind(), r.getSourceUser(), r.getTriggeredByRunId(),
                r.getStatus(), r.getCanceledEventId(), r.getCanceledAt(), r.getCancelComment(),
                r.getCancelSourceKind(), r.getCancelSourceUser(), r.getCancelSourceRunId());
    }
}
