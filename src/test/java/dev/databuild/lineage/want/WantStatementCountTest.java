package dev.databuild.lineage.want;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.jobrun.StatementScenario;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Statements per request depend on the query's shape, never on how many wants a page holds. */
@TestPropertySource(properties = "lineage.graphql.max-page-size=500")
class WantStatementCountTest extends GraphQlTest {

    @Test
    void aPageOf200WantsCostsWhatAPageOfOneCosts() {
        load(StatementScenario.events(200));
        long one = statementsDuring(() -> page(1));
        long many = statementsDuring(() -> page(200));
        System.out.printf("wantsNested: %d statements for 1 want, %d for 200%n", one, many);
        assertThat(many).isEqualTo(one);
    }

    @SuppressWarnings("unchecked")
    private void page(int first) {
        List<Map<String, Object>> nodes = graphQl.documentName("wantsNested").variable("first", first).execute()
                .path("wants.nodes").entity(List.class).get();
        assertThat(nodes).hasSize(first);
        // the first want exercises every relation the query asks for
        Map<String, Object> w = nodes.get(0);
        assertThat(w.get("wantId")).isEqualTo("W-0000");
        assertThat(w.get("source")).isEqualTo(Map.of("kind", "JOB", "jobRun", Map.of("jobRunId", "S-0")));
        assertThat(w.get("derivativeWants")).isEqualTo(Map.of("nodes", List.of(Map.of("wantId", "W-0001"))));
        List<Map<String, Object>> runs = (List<Map<String, Object>>) ((Map<String, Object>) w.get("jobRuns")).get("nodes");
        assertThat(runs).extracting(r -> r.get("jobRunId")).containsExactly("S-1", "S-3");
        assertThat(runs.get(1).get("previousAttempt")).isEqualTo(Map.of("jobRunId", "S-1"));
        assertThat(runs.get(1).get("attempts")).isEqualTo(List.of(Map.of("jobRunId", "S-1"), Map.of("jobRunId", "S-3")));
        assertThat(((Map<String, Object>) runs.get(1).get("read")).get("totalCount")).isEqualTo(1);
    }
}
