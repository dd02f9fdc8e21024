package dev.databuild.lineage.lineage;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.JobRunQueries;
import dev.databuild.lineage.partition.PartitionInstance;

import dev.databuild.lineage.support.KeyArray;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The statements of one lineage hop; each covers the whole frontier. */
@Repository
class LineageQueries {

    private static final String PARENT = "parent_key";
    private static final String TOTAL = "total";
    private static final String RANK = "rank_in_parent";
    private static final String PAIRS = "given_pairs";
    private static final String PAIR_RUN = "run";
    private static final String PAIR_UUID = "given";

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
     * it (joined here, so a hop up is one statement).
     */
    Map<String, Slice> inputs(Map<String, Set<UUID>> outputsByRun, int limit) {
        return batch(outputsByRun, limit, READ_DEP.OUTPUT_UUID, READ_DEP.INPUT_UUID, true);
    }

    /**
     * Per run: the instances it built from the given inputs of it. Which inputs count is the walk's
     * choice (the run was on their consumer page), so the rows are matched on (run, input) pairs.
     */
    Map<String, Slice> outputs(Map<String, Set<UUID>> inputsByRun, int limit) {
        return batch(inputsByRun, limit, READ_DEP.INPUT_UUID, READ_DEP.OUTPUT_UUID, false);
    }

    /** The (run, instance) pairs a hop starts from, as two arrays of the same length. */
    private record Pairs(String[] runs, UUID[] uuids) {

        static final Pairs STAND_IN = new Pairs(new String[] {Templates.standIn(String.class)},
                new UUID[] {Templates.standIn(UUID.class)});

        static Pairs of(Map<String, Set<UUID>> byRun) {
            List<String> runs = new ArrayList<>();
            List<UUID> uuids = new ArrayList<>();
            byRun.forEach((run, given) -> given.forEach(u -> {
                runs.add(run);
                uuids.add(u);
            }));
            return new Pairs(runs.toArray(String[]::new), uuids.toArray(UUID[]::new));
        }

        List<?> parts() {
            return List.of(runs, uuids);
        }

        static Pairs standIns(int count) {
            return new Pairs(Templates.standIns(String.class, count), Templates.standIns(UUID.class, count));
        }

        List<Object> values() {
            List<Object> out = new ArrayList<>(Arrays.asList(runs));
            out.addAll(Arrays.asList(uuids));
            return out;
        }
    }

    /**
     * A frontier of runs in one statement whose text does not depend on the frontier: the (run,
     * instance) pairs are bound as two arrays, unnested side by side and joined to read_dep by its
     * indexes (a few pairs one value each, as rows: {@link KeyArray#asRows}). Per run, the distinct instances on the {@code wanted} side of the edges from its
     * given instances, in (ref, uuid) order, are numbered and counted by window functions in one
     * pass over those edges. (A page bounded by seeks would read them four times over: the order
     * is the instances', not read_dep's, so every seek sorts the run's edges.)
     */
    private Map<String, Slice> batch(Map<String, Set<UUID>> givenByRun, int limit, Field<UUID> given, Field<UUID> wanted,
                                     boolean builders) {
        Pairs pairs = Pairs.of(givenByRun);
        int count = pairs.runs().length;
        List<?> shape = List.of(LineageQueries.class, given.getName(), limit);
        var rows = KeyArray.asRows(count)
                ? Templates.fetch(db, KeyArray.rowsShape(shape, count), p -> query(pairRows(p, given), limit, given, wanted, builders),
                        Pairs.standIns(count), pairs, Pairs::values)
                : Templates.fetch(db, shape, p -> query(pairArrays(p, given), limit, given, wanted, builders), Pairs.STAND_IN, pairs,
                        Pairs::parts);
        Map<String, Slice> out = new LinkedHashMap<>();
        Loaders.group(rows, r -> r.get(PARENT, String.class)).forEach((run, list) ->
                out.put(run, slice(list, limit, list.get(0).get(TOTAL, Integer.class), builders)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Table<?> pairRows(Pairs pairs, Field<UUID> given) {
        Row2<String, UUID>[] rows = new Row2[pairs.runs().length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = DSL.row(DSL.val(pairs.runs()[i], READ_DEP.JOB_RUN_ID.getDataType()), DSL.val(pairs.uuids()[i], given.getDataType()));
        }
        return DSL.values(rows).as(PAIRS, PAIR_RUN, PAIR_UUID);
    }

    /** Unnest of two arrays pairs their elements in order (both databases), as a table of two columns. */
    private static Table<?> pairArrays(Pairs pairs, Field<UUID> given) {
        return DSL.table("unnest({0}, {1})", DSL.val(pairs.runs(), READ_DEP.JOB_RUN_ID.getDataType().getArrayDataType()),
                DSL.val(pairs.uuids(), given.getDataType().getArrayDataType())).as(PAIRS, PAIR_RUN, PAIR_UUID);
    }

    private Select<Record> query(Table<?> from, int limit, Field<UUID> given, Field<UUID> wanted, boolean builders) {
        Field<String> run = DSL.field(DSL.name(PAIRS, PAIR_RUN), String.class);
        Field<UUID> uuid = DSL.field(DSL.name(PAIRS, PAIR_UUID), UUID.class);
        var linked = PARTITION_INSTANCE.as("linked");
        var numbered = DSL.select(READ_DEP.JOB_RUN_ID.as(PARENT), linked.UUID,
                        DSL.count().over(DSL.partitionBy(READ_DEP.JOB_RUN_ID)).as(TOTAL),
                        DSL.rowNumber().over(DSL.partitionBy(READ_DEP.JOB_RUN_ID).orderBy(linked.REF, linked.UUID)).as(RANK))
                .from(from)
                .join(READ_DEP).on(given.eq(uuid)).and(READ_DEP.JOB_RUN_ID.eq(run))
                .join(linked).on(linked.UUID.eq(wanted))
                // one row per instance however many of the given edges lead to it
                .groupBy(READ_DEP.JOB_RUN_ID, linked.UUID, linked.REF)
                .asTable("numbered");
        Field<String> parent = numbered.field(PARENT, String.class);
        return db.select(fields(builders)).select(parent, numbered.field(TOTAL, Integer.class))
                .from(numbered.join(builders ? PARTITION_INSTANCE.join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(PARTITION_INSTANCE.JOB_RUN_ID))
                        : PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(numbered.field(linked.UUID))))
                .where(numbered.field(RANK, Integer.class).le(DSL.inline(limit + 1)))
                .orderBy(parent, PARTITION_INSTANCE.REF, PARTITION_INSTANCE.UUID);
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
}
