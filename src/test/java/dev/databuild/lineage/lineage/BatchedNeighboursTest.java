package dev.databuild.lineage.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A lineage hop answers a frontier of runs exactly as it answers each run alone, in one statement. */
class BatchedNeighboursTest extends GraphQlTest {

    @Autowired
    LineageQueries queries;

    @Test
    void aFrontierAnswersLikeEachRunAlone() {
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
        for (int limit : new int[] {1, 2, 5, 25}) {
            compare(outputs, limit, true);
            compare(inputs, limit, false);
        }
    }

    private void compare(Map<String, Set<UUID>> givenByRun, int limit, boolean upstream) {
        long before = statements.total();
        var batch = upstream ? queries.inputs(givenByRun, limit) : queries.outputs(givenByRun, limit);
        assertThat(statements.total() - before).isEqualTo(1);
        givenByRun.forEach((run, given) -> {
            var alone = upstream ? queries.inputs(Map.of(run, given), limit) : queries.outputs(Map.of(run, given), limit);
            assertThat(batch.get(run)).as("run %s, limit %d", run, limit).isEqualTo(alone.get(run));
        });
    }
}
