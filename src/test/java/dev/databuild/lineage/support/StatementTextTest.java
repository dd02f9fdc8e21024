package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.jobrun.LogBuilder;
import dev.databuild.lineage.jobrun.StatementScenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A statement's text never carries the keys it reads by: two subjects of the same shape send the
 * same texts, so the databases parse and plan each once (H2 caches by text, PostgreSQL's driver
 * prepares by text). Keys inlined into the SQL made a job run detail view 1.8x slower over 2,000
 * different runs than over one run asked again and again, which is all a benchmark sees.
 */
class StatementTextTest extends GraphQlTest {

    @AfterEach
    void stopRecording() {
        statements.record(null);
    }

    @Test
    void viewsSendTheSameStatementsWhateverTheirSubject() {
        load(StatementScenario.events(30));
        // R-0002 and R-0003: each a want's run that read shared/base and wrote out/2, out/3
        assertSameTexts("jobRunDetail", Map.of("jobRunId", "R-0002"), Map.of("jobRunId", "R-0003"));
        assertSameTexts("partitionLineage", Map.of("ref", "out/2", "at", "2030-01-01T00:00:00Z"),
                Map.of("ref", "out/3", "at", "2031-01-01T00:00:00Z"));
        assertSameTexts("lineage", Map.of("ref", "out/2", "depth", 4), Map.of("ref", "out/3", "depth", 4));
    }

    @Test
    void aLineageFrontierOfManyRunsSendsTheSameStatementsWhateverItsRuns() {
        // two hubs, each read by two runs: the second hop down starts from a frontier of two runs
        LogBuilder log = new LogBuilder();
        for (String hub : List.of("a", "b")) {
            log.run("H-" + hub, "//jobs:hub", List.of(), "hub/" + hub).succeed("H-" + hub);
            for (int i = 1; i <= 2; i++) {
                log.run("C-" + hub + i, "//jobs:c", List.of(), "x/" + hub + i).succeed("C-" + hub + i, "hub/" + hub);
            }
        }
        load(log.events());
        assertSameTexts("lineage", Map.of("ref", "hub/a", "direction", "DOWNSTREAM", "depth", 3),
                Map.of("ref", "hub/b", "direction", "DOWNSTREAM", "depth", 3));
    }

    private void assertSameTexts(String document, Map<String, Object> one, Map<String, Object> other) {
        List<String> first = sent(document, one);
        List<String> second = sent(document, other);
        assertThat(first).isNotEmpty();
        assertThat(second).as(document + ": statements for " + other + " vs " + one).isEqualTo(first);
    }

    private List<String> sent(String document, Map<String, Object> variables) {
        List<String> sink = Collections.synchronizedList(new ArrayList<>());
        statements.recordAsSent(sink);
        var request = graphQl.documentName(document);
        variables.forEach(request::variable);
        request.execute().errors().verify();
        statements.record(null);
        return List.copyOf(sink);
    }
}
