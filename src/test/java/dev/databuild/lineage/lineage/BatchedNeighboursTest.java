package dev.databuild.lineage.lineage;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.KeyArray;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lineage hop answers a whole frontier of runs in one statement, and per run exactly what its
 * edges say: the distinct instances on the far side of the edges from its given instances, in
 * (ref, uuid) order, cut to the limit, with their count (worked out here from read_dep itself).
 */
class BatchedNeighboursTest extends GraphQlTest {

    @Autowired
    LineageQueries queries;

    @Test
    void aFrontierAnswersEachRunByItsOwnEdges() {
        load(new EventGenerator(EventGenerator.Params.demo(3)).stream().toList());
        // per run, half of its outputs (upstream hop) and half of what it read (downstream hop)
        Map<String, Set<UUID>> outputs = new LinkedHashMap<>();
        Map<String, Set<UUID>> inputs = new LinkedHashMap<>();
        int[] i = {0};
        db.fetch("select job_run_id, output_uuid, input_uuid from read_dep order by job_run_id, output_uuid, input_uuid").forEach(r -> {
            if (i[0]++ % 2 == 0) {
                outputs.computeIfAbsent(r.get(0, String.class), k -> new LinkedHashSet<>()).add(r.get(1, UUID.class));
            } else {
                inputs.computeIfAbsent(r.get(0, String.class), k -> new LinkedHashSet<>()).add(r.get(2, UUID.class));
            }
        });
        outputs.put("JR-none", Set.of(UUID.randomUUID()));
        assertThat(inputs.values().stream().filter(s -> s.size() > 1)).as("runs reached from several inputs").isNotEmpty();
        for (int limit : new int[] {1, 2, 5, 25}) {
            compare(outputs, limit, true);
            compare(inputs, limit, false);
            // a few pairs are bound one by one, as rows, not as arrays (KeyArray.MAX_ROWS)
            compare(few(outputs, KeyArray.MAX_ROWS), limit, true);
            compare(few(inputs, KeyArray.MAX_ROWS), limit, false);
            compare(few(inputs, 1), limit, false);
        }
    }

    /** The first runs of {@code byRun} with at most {@code pairs} given instances in all, one run at least. */
    private static Map<String, Set<UUID>> few(Map<String, Set<UUID>> byRun, int pairs) {
        Map<String, Set<UUID>> out = new LinkedHashMap<>();
        int n = 0;
        for (var e : byRun.entrySet()) {
            Set<UUID> given = e.getValue().stream().limit(pairs - n).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
            if (given.isEmpty()) {
                break;
            }
            out.put(e.getKey(), given);
            n += given.size();
        }
        assertThat(n).isBetween(1, pairs);
        return out;
    }

    private void compare(Map<String, Set<UUID>> givenByRun, int limit, boolean upstream) {
        long before = statements.total();
        var batch = upstream ? queries.inputs(givenByRun, limit) : queries.outputs(givenByRun, limit);
        assertThat(statements.total() - before).isEqualTo(1);
        givenByRun.forEach((run, given) -> {
            List<PartitionInstance> expected = neighbours(run, given, upstream);
            var slice = batch.getOrDefault(run, LineageQueries.Slice.EMPTY);
            assertThat(slice.rows()).as("run %s, limit %d", run, limit).isEqualTo(expected.stream().limit(limit).toList());
            assertThat(slice.total()).as("run %s", run).isEqualTo(expected.size());
            if (upstream) {
                assertThat(slice.builders().keySet()).containsExactlyInAnyOrderElementsOf(
                        slice.rows().stream().map(PartitionInstance::jobRunId).distinct().toList());
            }
        });
    }

    /** The run's distinct instances across its edges from {@code given}, in (ref, uuid) order. */
    private List<PartitionInstance> neighbours(String run, Set<UUID> given, boolean upstream) {
        var near = upstream ? READ_DEP.OUTPUT_UUID : READ_DEP.INPUT_UUID;
        var far = upstream ? READ_DEP.INPUT_UUID : READ_DEP.OUTPUT_UUID;
        Set<UUID> uuids = new LinkedHashSet<>(db.select(far).from(READ_DEP)
                .where(READ_DEP.JOB_RUN_ID.eq(run)).and(near.in(given)).fetch(far));
        return db.selectFrom(PARTITION_INSTANCE).where(PARTITION_INSTANCE.UUID.in(uuids)).fetch().stream()
                .map(PartitionInstance::from)
                .sorted(Comparator.comparing(PartitionInstance::ref).thenComparing(p -> p.uuid().toString()))
                .toList();
    }
}
