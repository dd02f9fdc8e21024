package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.support.EventSource;
import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.StatusHistory;
import java.util.List;

/**
 * A job run as projected; times are epoch millis. {@code packedHistory} is the status history as
 * the row holds it (support/StatusHistory): every reader reads the row whole, so no statement of its own.
 */
public record JobRun(String jobRunId, String jobLabel, String status, long bufferedEventId, long bufferedAt,
                     Long queuedAt, Long startedAt, Long lastHeartbeatAt, Long endedEventId, Long endedAt,
                     String failureReason, String cancelComment, String cancelSourceKind, String cancelSourceUser,
                     String cancelSourceRunId, String previousAttemptId, String attemptRootId, int attempt,
                     String packedHistory) {

    public static final String TYPE = "JobRun";

    public String id() {
        return GlobalId.of(TYPE, jobRunId);
    }

    public List<JobRunStatusChange> statusHistory() {
        return StatusHistory.parse(packedHistory, JobRunStatusChange::new);
    }

    public EventSource canceledBy() {
        return EventSource.of(cancelSourceKind, cancelSourceUser, cancelSourceRunId);
    }

    /**
     * A run known only by its id, for a field whose selection asks nothing else
     * ({@link JobRunLoaders#byId}); every other component is empty.
     */
    static JobRun reference(String jobRunId) {
        return new JobRun(jobRunId, null, null, 0, 0, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, null);
    }

    public static JobRun from(JobRunRecord r) {
        return new JobRun(r.getJobRunId(), r.getJobLabel(), r.getStatus(), r.getBufferedEventId(), r.getBufferedAt(),
                r.getQueuedAt(), r.getStartedAt(), r.getLastHeartbeatAt(), r.getEndedEventId(), r.getEndedAt(),
                r.getFailureReason(), r.getCancelComment(), r.getCancelSourceKind(), r.getCancelSourceUser(),
                r.getCancelSourceRunId(), r.getPreviousAttemptId(), r.getAttemptRootId(), r.getAttempt(),
                StatusHistory.of(r.getStatusHistory(), TYPE));
    }
}
