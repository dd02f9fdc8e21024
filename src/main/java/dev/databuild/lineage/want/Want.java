package dev.databuild.lineage.want;

import dev.databuild.lineage.db.tables.records.WantRecord;
import dev.databuild.lineage.support.EventSource;
import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.StatusHistory;
import java.util.List;

/**
 * A want as projected; times are epoch millis. {@code packedHistory} is the status history as the
 * row holds it (support/StatusHistory): every reader reads the row whole, so no statement of its own.
 */
public record Want(String wantId, long createdEventId, long createdAt, long dataTimestamp, long ttlSeconds,
                   long slaSeconds, String comment, String sourceKind, String sourceUser, String triggeredByRunId,
                   String status, Long canceledEventId, Long canceledAt, String cancelComment,
                   String cancelSourceKind, String cancelSourceUser, String cancelSourceRunId, String packedHistory) {

    public static final String TYPE = "Want";

    public String id() {
        return GlobalId.of(TYPE, wantId);
    }

    public List<WantStatusChange> statusHistory() {
        return StatusHistory.parse(packedHistory, WantStatusChange::new);
    }

    public EventSource source() {
        return new EventSource(sourceKind, sourceUser, triggeredByRunId);
    }

    public WantCancellation canceled() {
        return WantCancellation.of(this);
    }

    public static Want from(WantRecord r) {
        return new Want(r.getWantId(), r.getCreatedEventId(), r.getCreatedAt(), r.getDataTimestamp(), r.getTtlSeconds(),
                r.getSlaSeconds(), r.getComment(), r.getSourceKind(), r.getSourceUser(), r.getTriggeredByRunId(),
                r.getStatus(), r.getCanceledEventId(), r.getCanceledAt(), r.getCancelComment(),
                r.getCancelSourceKind(), r.getCancelSourceUser(), r.getCancelSourceRunId(),
                StatusHistory.of(r.getStatusHistory(), TYPE));
    }
}
