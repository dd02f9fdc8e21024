package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.TAINT;
import static dev.databuild.lineage.db.Tables.TAINT_INSTANCE;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.MissingDep;
import dev.databuild.lineage.ingest.Rows.Ref;
import dev.databuild.lineage.ingest.Rows.TaintMark;
import dev.databuild.lineage.support.JobRunStatus;
import dev.databuild.lineage.support.KeyArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableLike;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;

/**
 * Bulk reads of the rows a batch needs, a few statements for many keys. Each loader fills the
 * batch's state, and also loads what a loaded row cannot be used without (a run's outputs and
 * missing deps, an instance's taint marks, a mark's taint).
 */
@Component
class StateLoader {

    /** Keys per statement: a batch's keys of one kind fit in one or two; the array bounds memory, not cost. */
    private static final int CHUNK = 5_000;

    private final DSLContext db;

    StateLoader(DSLContext db) {
        this.db = db;
    }

    void runs(BatchState s, List<String> ids) {
        List<String> found = new ArrayList<>();
        chunks(ids, part -> {
            rows(JOB_RUN, JOB_RUN.JOB_RUN_ID, part).forEach(r -> found.add(s.runs.put(r.getJobRunId(), RowMapping.run(r)).id));
            db.select(JOB_RUN.PREVIOUS_ATTEMPT_ID).from(matching(JOB_RUN.PREVIOUS_ATTEMPT_ID, part))
                    .forEach(r -> s.runs.get(r.value1()).retried = true);
            db.select(MISSING_DEP.JOB_RUN_ID, MISSING_DEP.IMPACTED_REF, MISSING_DEP.MISSING_REF).from(matching(MISSING_DEP.JOB_RUN_ID, part))
                    .forEach(r -> s.runs.get(r.value1()).missing.add(new MissingDep(r.value2(), r.value3())));
        });
        for (Instance i : instancesWhere(s, PARTITION_INSTANCE.JOB_RUN_ID, found)) {
            s.runs.get(i.jobRunId).outputs.put(i.ref, i.uuid);
        }
    }

    void instances(BatchState s, List<UUID> uuids) {
        instancesWhere(s, PARTITION_INSTANCE.UUID, uuids);
    }

    /** The instances matching, as held by the batch (a held row wins over the stored one). */
    private <K> List<Instance> instancesWhere(BatchState s, Field<K> key, List<K> keys) {
        List<Instance> matching = new ArrayList<>();
        List<UUID> added = new ArrayList<>();
        chunks(keys, part -> rows(PARTITION_INSTANCE, key, part).forEach(r -> {
            if (!s.instances.has(r.getUuid())) {
                added.add(r.getUuid());
            }
            matching.add(s.instances.put(r.getUuid(), RowMapping.instance(r)));
        }));
        marks(s, TAINT_INSTANCE.UUID, added);
        return matching;
    }

    void taints(BatchState s, List<String> ids) {
        List<String> found = new ArrayList<>();
        chunks(ids, part -> rows(TAINT, TAINT.TAINT_ID, part)
                .forEach(r -> found.add(s.taints.put(r.getTaintId(), RowMapping.taint(r)).id)));
        marks(s, TAINT_INSTANCE.TAINT_ID, found);
    }

    /** taint_instance rows, each one object shared by its taint and its instance, whichever loads first. */
    private <K> void marks(BatchState s, Field<K> key, List<K> keys) {
        List<TaintMark> loaded = new ArrayList<>();
        chunks(keys, part -> rows(TAINT_INSTANCE, key, part)
                .forEach(r -> loaded.add(s.marks.put(List.of(r.getTaintId(), r.getUuid()), RowMapping.mark(r)))));
        List<String> taintIds = s.taints.unknown(loaded.stream().map(m -> m.taintId).toList());
        if (!taintIds.isEmpty()) {
            taints(s, taintIds);
            s.taints.markAbsent(taintIds);
        }
        for (TaintMark m : loaded) {
            s.taints.get(m.taintId).marks.add(m);
            Instance i = s.instances.get(m.uuid);
            if (i != null) {
                i.marks.add(m);
            }
        }
    }

    void refs(BatchState s, List<String> keys) {
        List<UUID> current = new ArrayList<>();
        chunks(keys, part -> rows(PARTITION_REF, PARTITION_REF.REF, part).forEach(r -> {
            Ref ref = s.refs.put(r.getRef(), RowMapping.ref(r));
            current.add(ref.currentUuid);
        }));
        List<UUID> unknown = s.instances.unknown(current);
        instances(s, unknown);
        s.instances.markAbsent(unknown);
    }

    void wants(BatchState s, List<String> ids) {
        chunks(ids, part -> {
            rows(WANT, WANT.WANT_ID, part).forEach(r -> s.wants.put(r.getWantId(), RowMapping.want(r)));
            db.select(WANT_PARTITION.WANT_ID, WANT_PARTITION.REF).from(matching(WANT_PARTITION.WANT_ID, part))
                    .orderBy(WANT_PARTITION.WANT_ID, WANT_PARTITION.POSITION)
                    .forEach(r -> s.wants.get(r.value1()).refs.add(r.value2()));
        });
    }

    void wantsOn(BatchState s, List<String> refs) {
        List<String> ids = new ArrayList<>();
        chunks(refs, part -> db.select(WANT_PARTITION.REF, WANT_PARTITION.WANT_ID).from(matching(WANT_PARTITION.REF, part))
                .forEach(r -> {
                    s.wantsOnRef.get(r.value1()).add(r.value2());
                    ids.add(r.value2());
                }));
        load(s.wants, ids, l -> wants(s, l));
    }

    /** Runs that ended DepMiss naming one of the refs (only a dep-miss writes missing_dep rows). */
    void waitersOn(BatchState s, List<String> refs) {
        List<String> ids = new ArrayList<>();
        chunks(refs, part -> db.select(MISSING_DEP.MISSING_REF, MISSING_DEP.JOB_RUN_ID).from(matching(MISSING_DEP.MISSING_REF, part))
                .forEach(r -> {
                    s.waitersOnRef.get(r.value1()).add(r.value2());
                    ids.add(r.value2());
                }));
        load(s.runs, ids, l -> runs(s, l));
    }

    /**
     * Runs that built one of the refs, ended retryable and are not retried yet. Single-index steps:
     * joined, the optimizer can start from every run of a status, which grows with the log.
     */
    void retryCandidates(BatchState s, List<String> refs) {
        List<String[]> built = new ArrayList<>();
        chunks(refs, part -> db.select(PARTITION_INSTANCE.REF, PARTITION_INSTANCE.JOB_RUN_ID).from(matching(PARTITION_INSTANCE.REF, part))
                .forEach(r -> built.add(new String[] {r.value1(), r.value2()})));
        List<String> runIds = built.stream().map(b -> b[1]).distinct().toList();
        Set<String> open = new HashSet<>();
        chunks(runIds, part -> db.select(JOB_RUN.JOB_RUN_ID, JOB_RUN.STATUS).from(matching(JOB_RUN.JOB_RUN_ID, part))
                .forEach(r -> {
                    if (JobRunStatus.valueOf(r.value2()).isRetryable()) {
                        open.add(r.value1());
                    }
                }));
        chunks(List.copyOf(open), part -> db.select(JOB_RUN.PREVIOUS_ATTEMPT_ID).from(matching(JOB_RUN.PREVIOUS_ATTEMPT_ID, part))
                .forEach(r -> open.remove(r.value1())));
        for (String[] b : built) {
            if (open.contains(b[1])) {
                s.retryCandidates.get(b[0]).add(b[1]);
            }
        }
        load(s.runs, List.copyOf(open), l -> runs(s, l));
    }

    UUID instanceBefore(BatchState s, String ref, long eventId) {
        UUID uuid = db.select(PARTITION_INSTANCE.UUID).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.REF.eq(ref)).and(PARTITION_INSTANCE.CREATED_EVENT_ID.lt(eventId))
                .orderBy(PARTITION_INSTANCE.CREATED_EVENT_ID.desc()).limit(1).fetchOne(PARTITION_INSTANCE.UUID);
        if (uuid != null) {
            load(s.instances, List.of(uuid), l -> instances(s, l));
        }
        return uuid;
    }

    private static <K> void load(Known<K, ?> known, List<K> keys, Consumer<List<K>> loader) {
        List<K> unknown = known.unknown(keys);
        if (!unknown.isEmpty()) {
            loader.accept(unknown);
            known.markAbsent(unknown);
        }
    }

    /** The whole rows of {@code table} whose {@code column} is one of {@code keys}. */
    private <R extends TableRecord<R>, K> Result<R> rows(Table<R> table, Field<K> column, List<K> keys) {
        return db.select(table.fields()).from(matching(column, keys)).fetchInto(table);
    }

    /**
     * The table of {@code column} joined to the keys, bound as one array: one index seek per key,
     * and one statement text whatever the count. An IN list cost H2 4-6x more per key at 200 keys
     * and 30x at 5,000 (manual/LookupShapes: 2.1 us a present key joined, 8-12 us in a list of 200).
     */
    @SuppressWarnings("unchecked")
    private static <K> TableLike<?> matching(Field<K> column, List<K> keys) {
        Table<?> table = ((TableField<?, K>) column).getTable();
        KeyArray<K> bound = KeyArray.of(column, keys, "lookup");
        return bound.table().join(table).on(column.eq(bound.key()));
    }

    private static <K> void chunks(List<K> keys, Consumer<List<K>> action) {
        for (int i = 0; i < keys.size(); i += CHUNK) {
            action.accept(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
        }
    }
}
