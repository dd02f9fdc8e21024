package dev.databuild.lineage.ingest;

import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import dev.databuild.lineage.support.StatusHistory;
import dev.databuild.lineage.support.WantStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * In-memory copies of the projection rows a batch reads and changes. A batch loads each row at most
 * once, changes it as often as its events say, and writes it back once (see {@link BatchWriter}):
 * a run buffered, queued, heartbeating and ended in one batch is one INSERT, not four statements.
 */
final class Rows {

    private Rows() {
    }

    /** New rows are inserted, loaded ones that changed are updated, when the batch is written. */
    abstract static class Row {
        boolean isNew;
        boolean dirty;
        /**
         * The write queue of the {@link Known} holding this row, which the row joins when it is
         * created or changed: the writer visits the rows a batch touched, not every row kept.
         */
        private List<Row> queue;
        private boolean queued;

        void changed() {
            dirty = true;
            enqueue();
        }

        void created() {
            isNew = true;
            enqueue();
        }

        void heldIn(List<Row> writeQueue) {
            queue = writeQueue;
            if (isNew || dirty) {
                enqueue();
            }
        }

        void written() {
            isNew = false;
            dirty = false;
            queued = false;
        }

        private void enqueue() {
            if (!queued && queue != null) {
                queued = true;
                queue.add(this);
            }
        }
    }

    static final class Run extends Row {
        String id;
        String label;
        JobRunStatus status;
        long bufferedEventId;
        long bufferedAt;
        Long queuedAt;
        Long startedAt;
        Long lastHeartbeatAt;
        Long endedEventId;
        Long endedAt;
        String failureReason;
        Source cancelSource;
        String cancelComment;
        String previousAttemptId;
        String attemptRootId;
        int attempt;
        /** Packed as {@link StatusHistory} keeps it; a change rewrites the row, which it does anyway. */
        String statusHistory = StatusHistory.EMPTY;
        /** A later run already retries this one: retry chains stay linear. */
        boolean retried;
        /** Built instances by ref, in ref order. */
        final TreeMap<String, UUID> outputs = new TreeMap<>();
        final List<MissingDep> missing = new ArrayList<>();
    }

    record MissingDep(String impactedRef, String missingRef) {
    }

    static final class Instance extends Row {
        UUID uuid;
        String ref;
        String jobRunId;
        PartitionStatus status;
        long createdEventId;
        long createdAt;
        long updatedEventId;
        Long supersededEventId;
        Long supersededAt;
        int consumerCount;
        int downstreamCount;
        String statusHistory = StatusHistory.EMPTY;
        /** Every taint that ever named this instance (the active ones decide what lifting restores). */
        final Set<TaintMark> marks = new LinkedHashSet<>();
    }

    static final class Ref extends Row {
        String ref;
        UUID currentUuid;
        long firstEventId;
    }

    static final class Want extends Row {
        String id;
        long createdEventId;
        long createdAt;
        long dataTimestamp;
        long ttlSeconds;
        long slaSeconds;
        String comment;
        Source source;
        WantStatus status;
        Long canceledEventId;
        Long canceledAt;
        String cancelComment;
        Source cancelSource;
        String statusHistory = StatusHistory.EMPTY;
        List<String> refs = new ArrayList<>();
    }

    static final class Taint extends Row {
        String id;
        long createdEventId;
        long createdAt;
        String comment;
        Source source;
        Long canceledEventId;
        Long canceledAt;
        final Set<TaintMark> marks = new LinkedHashSet<>();

        boolean active() {
            return canceledEventId == null;
        }
    }

    /** A taint_instance row: which instance a taint named and the status lifting it restores. */
    static final class TaintMark extends Row {
        String taintId;
        UUID uuid;
        String ref;
        PartitionStatus priorStatus;
    }
}
