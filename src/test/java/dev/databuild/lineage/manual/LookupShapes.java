package dev.databuild.lineage.manual;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;

import dev.databuild.lineage.bench.LikeProduction;
import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** By hand: what one key of a bulk lookup costs, by statement shape (an IN list, an array, a join of an unnested array). */
class LookupShapes extends DatabaseTest {

    static {
        LikeProduction.assertionsOff();
    }

    @Autowired
    IngestService ingest;

    @Test
    void compare() {
        long events = Long.getLong("bench.events", 100_000);
        List<DataBuildEvent> batch = new ArrayList<>();
        for (var it = new EventGenerator(EventGenerator.Params.benchmark(42, events, (int) Math.min(events / 10, 100_000), 50)).iterator();
             it.hasNext(); ) {
            batch.add(it.next());
            if (batch.size() == 10_000 || !it.hasNext()) {
                ingest.ingest(batch);
                batch.clear();
            }
        }
        List<String> runs = db.select(JOB_RUN.JOB_RUN_ID).from(JOB_RUN).fetch(JOB_RUN.JOB_RUN_ID);
        List<String> refs = db.select(PARTITION_REF.REF).from(PARTITION_REF).fetch(PARTITION_REF.REF);
        List<String> absent = runs.stream().map(r -> r + "-new").toList();
        for (int chunk : new int[] {200, 1000, 5000}) {
            for (int round = 0; round < 3; round++) {
                time("run, present", chunk, runs, JOB_RUN, JOB_RUN.JOB_RUN_ID);
                time("run, absent", chunk, absent, JOB_RUN, JOB_RUN.JOB_RUN_ID);
                time("missing_dep by ref", chunk, refs, MISSING_DEP, MISSING_DEP.MISSING_REF);
            }
        }
    }

    private void time(String what, int chunk, List<String> keys, Table<?> table, Field<String> column) {
        List<String> sample = keys.subList(0, Math.min(keys.size(), 20_000));
        Function<List<String>, Integer> in = part -> db.selectFrom(table).where(column.in(part)).fetch().size();
        Function<List<String>, Integer> any = part -> db.selectFrom(table)
                .where(column.eq(DSL.any(DSL.val(part.toArray(String[]::new))))).fetch().size();
        Function<List<String>, Integer> join = part -> {
            Table<?> bound = DSL.unnest(DSL.val(part.toArray(String[]::new))).as("p", "k");
            return db.select(table.fields()).from(bound).join(table).on(column.eq(bound.field("k", String.class))).fetch().size();
        };
        StringBuilder line = new StringBuilder(String.format("%-20s chunk %5d:", what, chunk));
        for (var shape : List.of(java.util.Map.entry("in", in), java.util.Map.entry("any", any), java.util.Map.entry("join", join))) {
            long t0 = System.nanoTime();
            int rows = 0;
            for (int i = 0; i < sample.size(); i += chunk) {
                rows += shape.getValue().apply(sample.subList(i, Math.min(sample.size(), i + chunk)));
            }
            line.append(String.format("  %s %.2f us/key (%d rows)", shape.getKey(), (System.nanoTime() - t0) / 1e3 / sample.size(), rows));
        }
        System.out.println("SHAPE " + line);
    }
}
