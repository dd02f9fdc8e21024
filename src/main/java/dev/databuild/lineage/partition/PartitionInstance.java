package dev.databuild.lineage.partition;

import dev.databuild.lineage.db.tables.records.PartitionInstanceRecord;
import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.StatusHistory;
import java.util.List;
import java.util.UUID;

/**
 * One build attempt of a ref; times are epoch millis. {@code packedHistory} is the status history
 * as the row holds it (support/StatusHistory): every reader reads the row whole, so no statement of its own.
 */
public record PartitionInstance(UUID uuid, String ref, String jobRunId, String status, long createdEventId,
                                long createdAt, Long supersededEventId, Long supersededAt,
                                int consumerCount, int downstreamCount, String packedHistory) {

    public static final String TYPE = "PartitionInstance";

    public String id() {
        return GlobalId.of(TYPE, uuid.toString());
    }

    public List<PartitionStatusChange> statusHistory() {
        return StatusHistory.parse(packedHistory, PartitionStatusChange::new);
    }

    public boolean isCanonical() {
        return supersededEventId == null;
    }

    public static PartitionInstance from(PartitionInstanceRecord r) {
        return new PartitionInstance(r.getUuid(), r.getRef(), r.getJobRunId(), r.getStatus(), r.getCreatedEventId(),
                r.getCreatedAt(), r.getSupersededEventId(), r.getSupersededAt(), r.getConsumerCount(), r.getDownstreamCount(),
                StatusHistory.of(r.getStatusHistory(), TYPE));
    }
}
