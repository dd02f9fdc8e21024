package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.db.tables.records.JobRunRecord;
import dev.databuild.lineage.db.tables.records.PartitionInstanceRecord;
import dev.databuild.lineage.db.tables.records.WantPartitionRecord;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.PartitionStatus;
import dev.databuild.lineage.support.WantStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The lineage half of {@link ProjectionInvariants}: read edges, the consumer index, counters, wants. */
final class LineageInvariants {

    private final ProjectionInvariants p;
    private final DSLContext db;

    LineageInvariants(ProjectionInvariants p, DSLContext db) {
        this.p = p;
        this.db = db;
    }

    void check() {
        reads();
        wants();
        for (var md : db.selectFrom(MISSING_DEP).fetch()) {
            JobRunRecord run = p.runs.get(md.getJobRunId());
            p.require(run != null && run.getStatus().equals(JobRunStatus.DEP_MISS.name()) && builds(run, md.getImpactedRef()),
                    "missing_dep " + md.getJobRunId() + " " + md.getImpactedRef() + " <- " + md.getMissingRef() + " is not of a DEP_MISS run's output");
        }
        for (var jw : db.selectFrom(JOB_RUN_WANT).fetch()) {
            p.require(p.runs.containsKey(jw.getJobRunId()) && builds(p.runs.get(jw.getJobRunId()), jw.getRef()),
                    "job_run_want " + jw.getJobRunId() + " names " + jw.getRef() + " which the run does not build");
        }
    }

    private boolean builds(JobRunRecord run, String ref) {
        PartitionInstanceRecord i = p.instances.get(dev.databuild.lineage.support.Ids.instanceUuid(run.getJobRunId(), ref));
        return i != null && i.getJobRunId().equals(run.getJobRunId());
    }

    private void reads() {
        Set<List<Object>> runInputs = new HashSet<>();
        Map<UUID, Integer> downstream = new HashMap<>();
        for (var rd : db.selectFrom(READ_DEP).fetch()) {
            JobRunRecord run = p.runs.get(rd.getJobRunId());
            PartitionInstanceRecord out = p.instances.get(rd.getOutputUuid());
            PartitionInstanceRecord in = p.instances.get(rd.getInputUuid());
            String edge = "read_dep " + rd.getOutputRef() + " <- " + rd.getInputRef() + " by " + rd.getJobRunId();
            p.require(run != null && out != null && in != null, edge + " is dangling");
            if (run == null || out == null || in == null) {
                continue;
            }
            p.require(out.getJobRunId().equals(run.getJobRunId()) && out.getRef().equals(rd.getOutputRef()), edge + ": output is not the run's instance");
            p.require(in.getRef().equals(rd.getInputRef()) && !in.getJobRunId().equals(run.getJobRunId()), edge + ": input is not another run's instance of the ref");
            p.require(Set.of("SUCCEEDED", "DEP_MISS").contains(run.getStatus()) && rd.getEventId().equals(run.getEndedEventId()),
                    edge + ": recorded outside the run's success or dep-miss");
            // the version read was canonical when the run reported it, or (own output) before the run's own
            p.require(in.getCreatedEventId() < rd.getEventId() && (in.getSupersededEventId() == null
                    || in.getSupersededEventId() > rd.getEventId() || in.getSupersededEventId().equals(run.getBufferedEventId())), edge + ": input was not canonical");
            runInputs.add(List.of(rd.getJobRunId(), rd.getInputUuid()));
            downstream.merge(rd.getInputUuid(), 1, Integer::sum);
        }
        Set<List<Object>> index = new HashSet<>();
        Map<UUID, Integer> consumers = new HashMap<>();
        for (var rr : db.selectFrom(RUN_READ).fetch()) {
            index.add(List.of(rr.getJobRunId(), rr.getInputUuid()));
            consumers.merge(rr.getInputUuid(), 1, Integer::sum);
            PartitionInstanceRecord in = p.instances.get(rr.getInputUuid());
            p.require(in != null && in.getRef().equals(rr.getInputRef()), "run_read " + rr.getJobRunId() + " -> " + rr.getInputUuid() + " names the wrong ref");
        }
        Set<List<Object>> onlyIndex = new HashSet<>(index);
        onlyIndex.removeAll(runInputs);
        runInputs.removeAll(index);
        p.require(onlyIndex.isEmpty() && runInputs.isEmpty(), "the consumer index run_read is not the inverse of read_dep: only in run_read "
                + onlyIndex + ", only in read_dep " + runInputs);
        for (PartitionInstanceRecord i : p.instances.values()) {
            p.require(i.getConsumerCount().intValue() == consumers.getOrDefault(i.getUuid(), 0), "instance " + i.getUuid() + " consumer_count "
                    + i.getConsumerCount() + " but " + consumers.getOrDefault(i.getUuid(), 0) + " consuming runs");
            p.require(i.getDownstreamCount().intValue() == downstream.getOrDefault(i.getUuid(), 0), "instance " + i.getUuid() + " downstream_count "
                    + i.getDownstreamCount() + " but " + downstream.getOrDefault(i.getUuid(), 0) + " read edges");
        }
    }

    private void wants() {
        Map<String, UUID> current = db.selectFrom(PARTITION_REF).fetchMap(PARTITION_REF.REF, PARTITION_REF.CURRENT_UUID);
        Map<String, List<WantPartitionRecord>> refs = db.selectFrom(WANT_PARTITION).fetch().stream()
                .collect(Collectors.groupingBy(WantPartitionRecord::getWantId));
        for (var w : db.selectFrom(WANT).fetch()) {
            String id = w.getWantId();
            WantStatus status = p.enumValue(WantStatus.class, w.getStatus(), "want " + id);
            List<WantPartitionRecord> parts = new ArrayList<>(refs.getOrDefault(id, List.of()));
            parts.sort(Comparator.comparing(WantPartitionRecord::getPosition));
            p.require(!parts.isEmpty() && parts.get(parts.size() - 1).getPosition() == parts.size() - 1, "want " + id + " partitions are not positions 0..n-1");
            List<PartitionStatus> canonical = new ArrayList<>();
            parts.forEach(wp -> {
                UUID uuid = current.get(wp.getRef());
                canonical.add(uuid == null ? null : PartitionStatus.valueOf(p.instances.get(uuid).getStatus()));
            });
            WantStatus expected = w.getCanceledEventId() != null ? WantStatus.CANCELED : WantStatus.derive(canonical);
            p.require(status == expected, "want " + id + " is " + status + " but its refs " + canonical + " derive " + expected);
            p.require(Objects.equals(w.getSourceKind().equals("JOB"), w.getTriggeredByRunId() != null)
                    && (w.getTriggeredByRunId() == null || p.runs.containsKey(w.getTriggeredByRunId())), "want " + id + " has a bad source");
            p.history(Map.of("want " + id, w.getStatusHistory()), (k, sorted) -> {
                sorted.forEach(h -> p.enumValue(WantStatus.class, h.status(), "history of want " + id));
                p.require(sorted.get(0).eventId() == w.getCreatedEventId(), "want " + id + " history does not start at its creation");
                p.require(sorted.get(sorted.size() - 1).status().equals(w.getStatus()), "want " + id + " history ends "
                        + sorted.get(sorted.size() - 1).status() + " but it is " + w.getStatus());
            });
        }
    }
}
