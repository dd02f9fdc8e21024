package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.TAINT;
import static dev.databuild.lineage.db.Tables.TAINT_INSTANCE;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.db.tables.records.PartitionInstanceRecord;
import dev.databuild.lineage.support.Ids;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import dev.databuild.lineage.support.StatusHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Rules the projection must satisfy whatever the log held, checked over the whole database at
 * once: identities and canonical instances, the job run and instance state rules (here), and the
 * lineage edges, counters and want statuses ({@link LineageInvariants}). Throws one AssertionError
 * listing every violation found.
 */
public final class ProjectionInvariants {

    /** The instance statuses each run status allows for its outputs (a taint may cover any of them). */
    static final Map<JobRunStatus, Set<PartitionStatus>> OUTPUTS = Map.of(
            JobRunStatus.BUFFERED, Set.of(PartitionStatus.BUILDING),
            JobRunStatus.QUEUED, Set.of(PartitionStatus.BUILDING),
            JobRunStatus.RUNNING, Set.of(PartitionStatus.BUILDING),
            JobRunStatus.SUCCEEDED, Set.of(PartitionStatus.LIVE),
            JobRunStatus.FAILED, Set.of(PartitionStatus.FAILED),
            JobRunStatus.CANCELED, Set.of(PartitionStatus.CANCELED),
            JobRunStatus.DEP_MISS, Set.of(PartitionStatus.UPSTREAM_BUILDING, PartitionStatus.UP_FOR_RETRY, PartitionStatus.UPSTREAM_FAILED));

    final List<String> violations = new ArrayList<>();
    final Map<String, JobRunRecord> runs;
    final Map<UUID, PartitionInstanceRecord> instances;

    private ProjectionInvariants(DSLContext db) {
        runs = db.selectFrom(JOB_RUN).fetchMap(JOB_RUN.JOB_RUN_ID);
        instances = db.selectFrom(PARTITION_INSTANCE).fetchMap(PARTITION_INSTANCE.UUID);
    }

    /** Checks everything; returns a one-line summary of what was checked. */
    public static String check(DSLContext db) {
        ProjectionInvariants p = new ProjectionInvariants(db);
        p.logHead(db);
        p.instances(db);
        p.runs(db);
        p.taints(db);
        new LineageInvariants(p, db).check();
        if (!p.violations.isEmpty()) {
            throw new AssertionError(p.violations.size() + " projection invariant(s) violated:\n  "
                    + p.violations.stream().limit(25).collect(Collectors.joining("\n  ")));
        }
        return p.runs.size() + " runs, " + p.instances.size() + " instances checked";
    }

    void require(boolean ok, String violation) {
        if (!ok) {
            violations.add(violation);
        }
    }

    private void logHead(DSLContext db) {
        long head = db.select(LOG_HEAD.LAST_EVENT_ID).from(LOG_HEAD).fetchSingle(LOG_HEAD.LAST_EVENT_ID);
        Long max = db.select(org.jooq.impl.DSL.max(EVENT_LOG.EVENT_ID)).from(EVENT_LOG).fetchOne().value1();
        require(head == (max == null ? 0 : max), "log head " + head + " is not the last stored event id " + max);
        require(db.fetchCount(EVENT_LOG, EVENT_LOG.EVENT_ID.le(0L)) == 0, "event ids must be positive");
    }

    private void instances(DSLContext db) {
        Map<String, List<PartitionInstanceRecord>> byRef = instances.values().stream()
                .collect(Collectors.groupingBy(PartitionInstanceRecord::getRef));
        Map<String, UUID> current = db.selectFrom(PARTITION_REF).fetchMap(PARTITION_REF.REF, PARTITION_REF.CURRENT_UUID);
        require(current.keySet().equals(byRef.keySet()), "partition_ref rows and the refs of instances differ");
        byRef.forEach((ref, list) -> {
            list.sort(Comparator.comparing(PartitionInstanceRecord::getCreatedEventId));
            var canonical = list.stream().filter(i -> i.getSupersededEventId() == null).toList();
            require(canonical.size() == 1, ref + " has " + canonical.size() + " canonical instances");
            PartitionInstanceRecord newest = list.get(list.size() - 1);
            require(newest.getUuid().equals(current.get(ref)), "partition_ref " + ref + " does not point at its newest instance");
            require(newest.getSupersededEventId() == null, "the newest instance of " + ref + " is superseded");
            for (int i = 0; i + 1 < list.size(); i++) {
                require(list.get(i + 1).getCreatedEventId().equals(list.get(i).getSupersededEventId()), "instance "
                        + list.get(i).getUuid() + " of " + ref + " is not superseded by the creation of the next one");
            }
        });
        for (PartitionInstanceRecord i : instances.values()) {
            JobRunRecord run = runs.get(i.getJobRunId());
            require(run != null, "instance " + i.getUuid() + " is built by unknown run " + i.getJobRunId());
            require(i.getUuid().equals(Ids.instanceUuid(i.getJobRunId(), i.getRef())), "instance " + i.getUuid() + " is not the UUID of its run and ref");
            require(run == null || run.getBufferedEventId().equals(i.getCreatedEventId()), "instance " + i.getUuid() + " was not minted by its run's buffer event");
            PartitionStatus status = enumValue(PartitionStatus.class, i.getStatus(), "instance " + i.getUuid());
            if (run != null && status != null && status != PartitionStatus.TAINTED) {
                JobRunStatus rs = JobRunStatus.valueOf(run.getStatus());
                require(OUTPUTS.get(rs).contains(status), "instance " + i.getUuid() + " is " + status + " but its run " + run.getJobRunId() + " is " + rs);
            }
        }
        history(db.select(PARTITION_INSTANCE.UUID, PARTITION_INSTANCE.STATUS_HISTORY).from(PARTITION_INSTANCE)
                .fetchMap(PARTITION_INSTANCE.UUID, PARTITION_INSTANCE.STATUS_HISTORY), (uuid, rows) -> {
            PartitionInstanceRecord i = instances.get(uuid);
            require(i != null, "status history of unknown instance " + uuid);
            if (i == null) {
                return;
            }
            rows.forEach(h -> enumValue(PartitionStatus.class, h.status(), "history of " + uuid));
            require(rows.get(0).status().equals("BUILDING") && rows.get(0).eventId() == i.getCreatedEventId(),
                    "instance " + uuid + " history does not start BUILDING at its creation");
            require(rows.get(rows.size() - 1).status().equals(i.getStatus()), "instance " + uuid + " history ends "
                    + rows.get(rows.size() - 1).status() + " but it is " + i.getStatus());
            JobRunRecord run = runs.get(i.getJobRunId());
            if (run != null && run.getEndedEventId() != null) {
                // once the run ended its outputs change only by its outcome's rules or by taints
                Set<PartitionStatus> allowed = new HashSet<>(OUTPUTS.get(JobRunStatus.valueOf(run.getStatus())));
                allowed.add(PartitionStatus.TAINTED);
                rows.stream().filter(h -> h.eventId() >= run.getEndedEventId()).forEach(h -> require(
                        allowed.contains(PartitionStatus.valueOf(h.status())), "instance " + uuid + " of " + run.getStatus()
                                + " run " + run.getJobRunId() + " went " + h.status() + " at event " + h.eventId()));
            }
        });
    }

    private void runs(DSLContext db) {
        history(db.select(JOB_RUN.JOB_RUN_ID, JOB_RUN.STATUS_HISTORY).from(JOB_RUN)
                .fetchMap(JOB_RUN.JOB_RUN_ID, JOB_RUN.STATUS_HISTORY), (id, rows) -> {
            JobRunRecord run = runs.get(id);
            require(run != null, "status history of unknown run " + id);
            if (run == null) {
                return;
            }
            int last = -1;
            for (var h : rows) {
                JobRunStatus s = enumValue(JobRunStatus.class, h.status(), "history of run " + id);
                require(s != null && s.ordinal() > last && (last < JobRunStatus.SUCCEEDED.ordinal()),
                        "run " + id + " history is not Buffered -> Queued -> Running -> one terminal: " + rows);
                last = s == null ? last : s.ordinal();
            }
            require(rows.get(0).status().equals("BUFFERED") && rows.get(0).eventId() == run.getBufferedEventId(),
                    "run " + id + " history does not start BUFFERED at its buffer event");
            require(rows.get(rows.size() - 1).status().equals(run.getStatus()), "run " + id + " history ends "
                    + rows.get(rows.size() - 1).status() + " but the run is " + run.getStatus());
        });
        for (JobRunRecord run : runs.values()) {
            JobRunStatus s = enumValue(JobRunStatus.class, run.getStatus(), "run " + run.getJobRunId());
            require(s == null || s.isTerminal() == (run.getEndedEventId() != null), "run " + run.getJobRunId() + " is " + s
                    + " with ended_event_id " + run.getEndedEventId());
            JobRunRecord prev = run.getPreviousAttemptId() == null ? null : runs.get(run.getPreviousAttemptId());
            if (run.getPreviousAttemptId() == null) {
                require(run.getAttempt() == 1 && run.getAttemptRootId().equals(run.getJobRunId()), "first attempt " + run.getJobRunId() + " is numbered wrong");
            } else {
                require(prev != null && prev.getJobLabel().equals(run.getJobLabel()) && JobRunStatus.valueOf(prev.getStatus()).isRetryable()
                                && prev.getEndedEventId() != null && prev.getEndedEventId() < run.getBufferedEventId()
                                && run.getAttempt() == prev.getAttempt() + 1 && run.getAttemptRootId().equals(prev.getAttemptRootId()),
                        "run " + run.getJobRunId() + " is not a proper retry of " + run.getPreviousAttemptId());
            }
        }
    }

    private void taints(DSLContext db) {
        Set<String> active = db.select(TAINT.TAINT_ID).from(TAINT).where(TAINT.CANCELED_EVENT_ID.isNull()).fetchSet(TAINT.TAINT_ID);
        Set<String> all = db.select(TAINT.TAINT_ID).from(TAINT).fetchSet(TAINT.TAINT_ID);
        Set<UUID> covered = new HashSet<>();
        for (var ti : db.selectFrom(TAINT_INSTANCE).fetch()) {
            PartitionInstanceRecord i = instances.get(ti.getUuid());
            require(all.contains(ti.getTaintId()) && i != null && i.getRef().equals(ti.getRef()), "taint_instance " + ti + " is dangling");
            enumValue(PartitionStatus.class, ti.getPriorStatus(), "prior status of taint " + ti.getTaintId());
            if (active.contains(ti.getTaintId())) {
                covered.add(ti.getUuid());
            }
        }
        instances.values().stream().filter(i -> i.getStatus().equals("TAINTED"))
                .forEach(i -> require(covered.contains(i.getUuid()), "instance " + i.getUuid() + " is TAINTED with no active taint"));
    }

    /** A status history entry as stored, packed in its entity's row. */
    record Change(String status, long at, long eventId) {
    }

    /**
     * Calls {@code check} with each entity's history, which must be non-empty and in strictly
     * increasing event order (one entry per entity and event).
     */
    <K> void history(Map<K, String> packed, java.util.function.BiConsumer<K, List<Change>> check) {
        packed.forEach((k, text) -> {
            List<Change> rows = StatusHistory.parse(text, Change::new);
            require(!rows.isEmpty(), k + " has no status history");
            for (int i = 1; i < rows.size(); i++) {
                require(rows.get(i - 1).eventId() < rows.get(i).eventId(), k + " history is not in event order: " + text);
            }
            if (!rows.isEmpty()) {
                check.accept(k, rows);
            }
        });
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException ex) {
            violations.add(where + " has status '" + name + "' which is not a " + type.getSimpleName());
            return null;
        }
    }
}
