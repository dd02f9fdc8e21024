package dev.databuild.lineage.ingest;

import dev.databuild.lineage.generator.EventGenerator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.reliability.ProjectionInvariants;
import dev.databuild.lineage.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The projection built event by event, in random batch sizes, equals the projection rebuilt from
 * the log by replay: row for row, UUIDs and statuses included. Sequences come from the seeded
 * generator with shapes that vary by seed (wants, runs, dep-miss chains, retries, failures,
 * cancels, taints, runs left in flight). More seeds: -Dlineage.replay.seeds=200
 */
class ReplayPropertyTest extends DatabaseTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ReplayService replay;

    static List<Long> seeds() {
        int n = Integer.getInteger("lineage.replay.seeds", 8);
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            seeds.add(s * 7919);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void incrementalProjectionEqualsReplay(long seed) {
        var params = EventGenerator.Params.small(seed, 300 + seed % 400).toBuilder()
                .leaveInFlight(seed % 3 == 0 ? 0.3 : 0).build();
        List<DataBuildEvent> events = new EventGenerator(params).stream().toList();
        SplittableRandom random = new SplittableRandom(seed);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(120));
            var result = ingest.ingest(events.subList(from, to));
            assertThat(result.applied()).isEqualTo(to - from);
            from = to;
        }
        var incremental = ProjectionSnapshot.projection(db);
        assertThat(incremental.get("partition_instance")).isNotEmpty();
        ProjectionInvariants.check(db);

        var replayed = replay.replay();

        assertThat(replayed.events()).isEqualTo(events.size());
        assertThat(ProjectionSnapshot.projection(db)).isEqualTo(incremental);
    }
}
