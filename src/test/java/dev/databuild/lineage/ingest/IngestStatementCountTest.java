package dev.databuild.lineage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.reliability.ProjectionInvariants;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.StatementCounter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch costs a bounded number of statements whatever its size: its rows are loaded in bulk
 * and written as JDBC batches. Before, every event cost about eleven statements.
 */
class IngestStatementCountTest extends DatabaseTest {

    @Autowired
    IngestService ingest;
    @Autowired
    ReplayService replay;
    @Autowired
    StatementCounter statements;

    @Test
    void statementsFollowTheBatchNotItsEvents() {
        List<DataBuildEvent> events = new EventGenerator(EventGenerator.Params.benchmark(7, 6_000, 300, 20)).stream().toList();
        long small = statementsFor(events.subList(0, 500));
        long large = statementsFor(events.subList(500, 5_500));
        long single = statementsFor(events.subList(5_500, 5_501));
        System.out.printf("statements: 500 events %d, 5,000 events %d, 1 event %d%n", small, large, single);
        // a lock, a head move, bulk loads in chunks of 200 keys and one JDBC batch per table touched
        assertThat(small).isLessThan(50);
        assertThat(large).isLessThan(120);
        assertThat(large / 5_000.0).isLessThan(0.05);
        assertThat(single).isLessThan(15);
        ProjectionInvariants.check(db);
        var incremental = ProjectionSnapshot.projection(db);
        replay.replay();
        assertThat(ProjectionSnapshot.projection(db)).isEqualTo(incremental);
    }

    private long statementsFor(List<DataBuildEvent> batch) {
        long before = statements.total();
        assertThat(ingest.ingest(batch).applied()).isEqualTo(batch.size());
        return statements.total() - before;
    }
}
