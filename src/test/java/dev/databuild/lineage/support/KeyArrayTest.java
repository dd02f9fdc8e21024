package dev.databuild.lineage.support;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keys are bound as a table of rows up to {@link KeyArray#MAX_ROWS} of them (PostgreSQL keeps a
 * generic plan for such a statement) and as one array beyond: either way a statement finds the
 * rows of exactly its keys, and sends one text per count of keys up to the bound, one beyond it.
 */
class KeyArrayTest extends GraphQlTest {

    /** Names this test's statements among those the pool's connections have prepared. */
    private static final String MARK = "key_array_test";

    @AfterEach
    void stopRecording() {
        statements.recordAsSent(null);
    }

    @Test
    void everyCountOfKeysFindsTheRowsOfItsKeys() {
        load(new EventGenerator(EventGenerator.Params.demo(3)).stream().toList());
        List<String> runs = db.select(JOB_RUN.JOB_RUN_ID).from(JOB_RUN).orderBy(JOB_RUN.JOB_RUN_ID).fetch(JOB_RUN.JOB_RUN_ID);
        List<UUID> uuids = db.select(PARTITION_INSTANCE.UUID).from(PARTITION_INSTANCE).orderBy(PARTITION_INSTANCE.UUID)
                .fetch(PARTITION_INSTANCE.UUID);
        assertThat(runs).hasSizeGreaterThan(2 * KeyArray.MAX_ROWS);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        statements.recordAsSent(sent);
        for (int count = 1; count <= KeyArray.MAX_ROWS + 2; count++) {
            // every other run, and one key that names none
            List<String> someRuns = new ArrayList<>();
            for (int i = 0; i < count - 1; i++) {
                someRuns.add(runs.get(2 * i + 1));
            }
            someRuns.add("JR-none");
            assertThat(KeyArray.fetch(db, "KeyArrayTest.runs", JOB_RUN.JOB_RUN_ID, someRuns, k -> db.select(JOB_RUN.JOB_RUN_ID)
                    .from(k.table()).join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(k.key()))).getValues(JOB_RUN.JOB_RUN_ID))
                    .as("%d keys", count).containsExactlyInAnyOrderElementsOf(someRuns.subList(0, count - 1));
            List<UUID> someUuids = uuids.subList(uuids.size() - count, uuids.size());
            assertThat(KeyArray.fetch(db, "KeyArrayTest.uuids", PARTITION_INSTANCE.UUID, someUuids, k -> db.select(PARTITION_INSTANCE.UUID)
                    .from(k.table()).join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(k.key()))).getValues(PARTITION_INSTANCE.UUID))
                    .as("%d keys", count).containsExactlyInAnyOrderElementsOf(someUuids);
        }
        statements.recordAsSent(null);
        // per site: one text per count up to the bound, then the array's for both counts past it
        assertThat(sent).hasSize(2 * (KeyArray.MAX_ROWS + 2));
        assertThat(sent.stream().distinct()).hasSize(2 * (KeyArray.MAX_ROWS + 1));
        assertThat(sent.stream().filter(s -> s.contains("unnest"))).hasSize(4);
    }

    /**
     * The reason for the rows: PostgreSQL plans a prepared statement over a few keys once and keeps
     * that generic plan (the JDBC driver prepares a statement on the server from its fifth run on a
     * connection; PostgreSQL tries five custom plans, then compares).
     */
    @Test
    void postgresKeepsAGenericPlanForAFewKeys() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL's plan cache");
        load(new EventGenerator(EventGenerator.Params.demo(3)).stream().toList());
        List<String> runs = db.select(JOB_RUN.JOB_RUN_ID).from(JOB_RUN).orderBy(JOB_RUN.JOB_RUN_ID).fetch(JOB_RUN.JOB_RUN_ID);
        db.connection(connection -> {
            DSLContext one = DSL.using(connection, db.dialect());
            for (int count : new int[] {1, 3}) {
                for (int i = 0; i < 12; i++) {
                    List<String> keys = runs.subList(i, i + count);
                    assertThat(KeyArray.fetch(one, "KeyArrayTest.plans", JOB_RUN.JOB_RUN_ID, keys, k -> db.select(JOB_RUN.JOB_RUN_ID.as(MARK))
                            .from(k.table()).join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(k.key()))).getValues(MARK, String.class))
                            .containsExactlyInAnyOrderElementsOf(keys);
                }
            }
            var plans = one.fetch("select generic_plans, custom_plans from pg_prepared_statements where statement like ? order by prepare_time",
                    "%" + MARK + "%");
            assertThat(plans).as("one statement prepared per count of keys").hasSize(2);
            plans.forEach(p -> assertThat(p.get(0, Long.class)).as("generic plans run, of %s", p).isPositive());
        });
    }
}
