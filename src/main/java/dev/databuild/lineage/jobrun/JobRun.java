package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.support.GlobalId;

/** A job run as projected; times are epoch millis. */
public record JobRun(String jobRunId, String jobLabel, String status, long bufferedEventId, long bufferedAt,
                     Long queuedAt, Long startedAt, Long lastHeartbeatAt, Long endedEventId, Long endedAt,
                     String failureReason, String cancelComment, String cancelSourceKind, String cancelSourceUser,
                     String cancelSourceRunId, String previousAttemptId, String attemptRootId, int attempt) {

    public static final String TYPE = "JobRun";

    public String id() {
        return GlobalId.of(TYPE, jobRunId);
    }

    public static JobRun from(JobRunRecord r) {
        return new JobRun(r.getJobRunId(), r.getJobLabel(), r.getStatus(), r.getBufferedEventId(), r.getBufferedAt(),
                r.getQueuedAt(), r.getStartedAt(), r.getLastHeartbeatAt(), r.getEndedEventId(), r.getEndedAt(),
                r.getFailureReason(), r.getCancelComment(), r.getCancelSourceKind(), r.getCancelSourceUser(),
                r.getCancelSourceRunId(), r.getPreviousAttemptId(), r.getAttemptRootId(), r.getAttempt());
    }
}
