package dev.databuild.lineage.lineage;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.JobRunQueries;
import dev.databuild.lineage.partition.PartitionInstance;

import dev.databuild.lineage.support.BatchPages;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.ParentPages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The statements of one lineage hop; each covers the whole frontier. */
@Repository
class LineageQueries {

    private static final String PARENT = "parent_key";
    private static final String TOTAL = "total";

    private final DSLContext db;
    private final JobRunQueries jobRuns;

    LineageQueries(DSLContext db, JobRunQueries jobRuns) {
        this.db = db;
        this.jobRuns = jobRuns;
    }

    /**
     * At most {@code limit} neighbours of one run, and how many it has in all; upstream, with the
     * runs that built them, which the next hop starts from.
     */
    record Slice(List<PartitionInstance> rows, int total, Map<String, JobRun> builders) {
        static final Slice EMPTY = new Slice(List.of(), 0, Map.of());
    }

    Map<String, JobRun> runs(Collection<String> jobRunIds) {
        return jobRuns.byIds(jobRunIds);
    }

    /**
     * Per run: the instances it read to build the given outputs of it, each with the run that built
     * it (joined here, so a hop up is one statement). An output names the run that built it, so the
     * outputs alone say which rows belong to which run.
     */
    Map<String, Slice> inputs(Map<String, Set<UUID>> outputsByRun, int limit) {
        if (outputsByRun.size() == 1) {
            return neighbours(outputsByRun, limit, READ_DEP.INPUT_UUID, READ_DEP.OUTPUT_UUID, true);
        }
        List<Field<UUID>> outputs = outputsByRun.values().stream().flatMap(Set::stream).<Field<UUID>>map(DSL::inline).toList();
        return batch(outputsByRun.keySet(), limit, READ_DEP.INPUT_UUID, t -> t.OUTPUT_UUID.in(outputs), true);
    }

    /**
     * Per run: the instances it built from the given inputs of it. Which inputs count is the walk's
     * choice (the run was on their consumer page), so the rows are matched on (run, input) pairs,
     * each written as one text ("run/uuid": a UUID's text has a fixed length, so it cannot be
     * confused).
     */
    Map<String, Slice> outputs(Map<String, Set<UUID>> inputsByRun, int limit) {
        if (inputsByRun.size() == 1) {
            return neighbours(inputsByRun, limit, READ_DEP.OUTPUT_UUID, READ_DEP.INPUT_UUID, false);
        }
        List<Field<String>> pairs = new ArrayList<>();
        inputsByRun.forEach((run, inputs) -> inputs.forEach(i -> pairs.add(DSL.val(run + "/" + i))));
        return batch(inputsByRun.keySet(), limit, READ_DEP.OUTPUT_UUID,
                t -> DSL.concat(t.JOB_RUN_ID, DSL.inline("/"), t.INPUT_UUID.cast(SQLDataType.VARCHAR(36))).in(pairs), false);
    }

    /**
     * A frontier of runs in one {@link BatchPages} statement: per run, the distinct instances on the
     * {@code wanted} side of its read_dep rows that {@code given} keeps, in (ref, uuid) order. What
     * {@code given} matches is written out as literals: both databases look a row up in a constant
     * set, where a bound array is cast again for every row (PostgreSQL) or a subquery re-run (H2).
     */
    private Map<String, Slice> batch(Set<String> runs, int limit, Field<UUID> wanted,
                                     Function<dev.databuild.lineage.db.tables.ReadDep, Condition> given, boolean builders) {
        var counted = READ_DEP.as("counted");
        var edges = READ_DEP.join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(wanted));
        var relation = new BatchPages.Relation<>(READ_DEP.JOB_RUN_ID,
                builders ? edges.join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(PARTITION_INSTANCE.JOB_RUN_ID)) : edges,
                run -> DSL.field(DSL.select(DSL.countDistinct(counted.field(wanted))).from(counted)
                        .where(counted.JOB_RUN_ID.eq(run)).and(given.apply(counted))),
                fields(builders))
                .keyedBy(edges)
                .where(given.apply(READ_DEP))
                .distinctRows();
        var batch = BatchPages.fetch(db, runs, limit + 1, relation, DSL.noCondition(), false,
                PARTITION_INSTANCE.REF, PARTITION_INSTANCE.UUID);
        Map<String, Slice> out = new LinkedHashMap<>();
        batch.rows().forEach((run, rows) -> out.put(run, slice(rows, limit, batch.totals().get(run), builders)));
        return out;
    }

    private static SelectField<?>[] fields(boolean builders) {
        List<Field<?>> out = new ArrayList<>(List.of(PARTITION_INSTANCE.fields()));
        if (builders) {
            out.addAll(List.of(JOB_RUN.fields()));
        }
        return out.toArray(SelectField<?>[]::new);
    }

    private static Slice slice(List<? extends Record> rows, int limit, int total, boolean builders) {
        List<PartitionInstance> instances = new ArrayList<>();
        Map<String, JobRun> built = new LinkedHashMap<>();
        rows.stream().limit(limit).forEach(r -> {
            instances.add(PartitionInstance.from(r.into(PARTITION_INSTANCE)));
            if (builders) {
                JobRun run = JobRun.from(r.into(JOB_RUN));
                built.put(run.jobRunId(), run);
            }
        });
        return new Slice(instances, total, built);
    }

    /**
     * One page per run over its read_dep rows (indexed by run and output), in (ref, uuid) order: the
     * instances on the {@code wanted} side of the edges whose {@code given} side is in the run's set.
     */
    private Map<String, Slice> neighbours(Map<String, Set<UUID>> givenByRun, int limit, Field<UUID> wanted, Field<UUID> given,
                                          boolean builders) {
        var counted = READ_DEP.as("counted");
        var rows = ParentPages.fetch(db, List.copyOf(givenByRun.keySet()), run -> db.select(fields(builders))
                .select(DSL.val(run).as(PARENT), DSL.field(DSL.select(DSL.countDistinct(counted.field(wanted))).from(counted)
                        .where(counted.JOB_RUN_ID.eq(run)).and(counted.field(given).in(givenByRun.get(run)))).as(TOTAL))
                .from(builders ? PARTITION_INSTANCE.join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(PARTITION_INSTANCE.JOB_RUN_ID))
                        : PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.UUID.in(DSL.select(wanted).from(READ_DEP)
                        .where(READ_DEP.JOB_RUN_ID.eq(run)).and(given.in(givenByRun.get(run)))))
                .orderBy(PARTITION_INSTANCE.REF, PARTITION_INSTANCE.UUID)
                .limit(limit + 1));
        Map<String, Slice> out = new LinkedHashMap<>();
        Loaders.group(rows, r -> r.get(PARENT, String.class)).forEach((run, list) ->
                out.put(run, slice(list, limit, list.get(0).get(TOTAL, Integer.class), builders)));
        return out;
    }
}
