package dev.databuild.lineage.ingest;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.db.tables.records.PartitionInstanceRecord;
import dev.databuild.lineage.db.tables.records.PartitionRefRecord;
import dev.databuild.lineage.db.tables.records.TaintInstanceRecord;
import dev.databuild.lineage.db.tables.records.TaintRecord;
import dev.databuild.lineage.db.tables.records.WantRecord;
import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.Ref;
import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.ingest.Rows.Taint;
import dev.databuild.lineage.ingest.Rows.TaintMark;
import dev.databuild.lineage.ingest.Rows.Want;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import dev.databuild.lineage.support.WantStatus;

/** Stored rows into the batch's in-memory rows. */
final class RowMapping {

    private RowMapping() {
    }

    static Run run(JobRunRecord r) {
        Run run = new Run();
        run.id = r.getJobRunId();
        run.label = r.getJobLabel();
        run.status = JobRunStatus.valueOf(r.getStatus());
        run.bufferedEventId = r.getBufferedEventId();
        run.bufferedAt = r.getBufferedAt();
        run.queuedAt = r.getQueuedAt();
        run.startedAt = r.getStartedAt();
        run.lastHeartbeatAt = r.getLastHeartbeatAt();
        run.endedEventId = r.getEndedEventId();
        run.endedAt = r.getEndedAt();
        run.failureReason = r.getFailureReason();
        run.cancelComment = r.getCancelComment();
        run.cancelSource = r.getCancelSourceKind() == null ? null
                : new Source(r.getCancelSourceKind(), r.getCancelSourceUser(), r.getCancelSourceRunId());
        run.previousAttemptId = r.getPreviousAttemptId();
        run.attemptRootId = r.getAttemptRootId();
        run.attempt = r.getAttempt();
        run.statusHistory = r.getStatusHistory();
        return run;
    }

    static Instance instance(PartitionInstanceRecord r) {
        Instance i = new Instance();
        i.uuid = r.getUuid();
        i.ref = r.getRef();
        i.jobRunId = r.getJobRunId();
        i.status = PartitionStatus.valueOf(r.getStatus());
        i.createdEventId = r.getCreatedEventId();
        i.createdAt = r.getCreatedAt();
        i.updatedEventId = r.getUpdatedEventId();
        i.supersededEventId = r.getSupersededEventId();
        i.supersededAt = r.getSupersededAt();
        i.consumerCount = r.getConsumerCount();
        i.downstreamCount = r.getDownstreamCount();
        i.statusHistory = r.getStatusHistory();
        return i;
    }

    static Ref ref(PartitionRefRecord r) {
        Ref ref = new Ref();
        ref.ref = r.getRef();
        ref.currentUuid = r.getCurrentUuid();
        ref.firstEventId = r.getFirstEventId();
        return ref;
    }

    static Want want(WantRecord r) {
        Want w = new Want();
        w.id = r.getWantId();
        w.createdEventId = r.getCreatedEventId();
        w.createdAt = r.getCreatedAt();
        w.dataTimestamp = r.getDataTimestamp();
        w.ttlSeconds = r.getTtlSeconds();
        w.slaSeconds = r.getSlaSeconds();
        w.comment = r.getComment();
        w.source = new Source(r.getSourceKind(), r.getSourceUser(), r.getTriggeredByRunId());
        w.status = WantStatus.valueOf(r.getStatus());
        w.canceledEventId = r.getCanceledEventId();
        w.canceledAt = r.getCanceledAt();
        w.cancelComment = r.getCancelComment();
        w.cancelSource = r.getCancelSourceKind() == null ? null
                : new Source(r.getCancelSourceKind(), r.getCancelSourceUser(), r.getCancelSourceRunId());
        w.statusHistory = r.getStatusHistory();
        return w;
    }

    static Taint taint(TaintRecord r) {
        Taint t = new Taint();
        t.id = r.getTaintId();
        t.createdEventId = r.getCreatedEventId();
        t.createdAt = r.getCreatedAt();
        t.comment = r.getComment();
        t.source = new Source(r.getSourceKind(), r.getSourceUser(), r.getSourceRunId());
        t.canceledEventId = r.getCanceledEventId();
        t.canceledAt = r.getCanceledAt();
        return t;
    }

    static TaintMark mark(TaintInstanceRecord r) {
        TaintMark m = new TaintMark();
        m.taintId = r.getTaintId();
        m.uuid = r.getUuid();
        m.ref = r.getRef();
        m.priorStatus = PartitionStatus.valueOf(r.getPriorStatus());
        return m;
    }
}
