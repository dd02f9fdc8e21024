package dev.databuild.lineage.jobrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Statements per request depend on the query's shape, never on how many runs a page holds. */
@TestPropertySource(properties = "lineage.graphql.max-page-size=500")
class JobRunStatementCountTest extends GraphQlTest {

    @Test
    void aPageOf200RunsCostsWhatAPageOfOneCosts() {
        load(StatementScenario.events(200));
        long one = statementsDuring(() -> page(1));
        long many = statementsDuring(() -> page(200));
        System.out.printf("jobRunsNested: %d statements for 1 run, %d for 200%n", one, many);
        assertThat(many).isEqualTo(one);
    }

    /**
     * The retry fields of a run and of its previous attempt read one retry chain, once; the chain's
     * runs answer the derivative want's triggeredBy. Each through its own loader, this was 5.
     */
    @Test
    void retryFieldsShareOneStatement() {
        load(StatementScenario.events(20));
        long statements = statementsDuring(() -> graphQl.documentName("jobRunRetryLinks").variable("jobRunId", "S-4").execute()
                .path("jobRun").matchesJson("""
                        {"jobRunId": "S-4",
                         "previousAttempt": {"jobRunId": "S-0", "nextAttempt": {"jobRunId": "S-4"}, "previousAttempt": null,
                           "derivativeWants": {"nodes": [{"wantId": "W-0000", "triggeredBy": {"jobRunId": "S-0", "status": "DEP_MISS"}}]}},
                         "nextAttempt": null,
                         "attempts": [{"jobRunId": "S-0", "attempt": 1}, {"jobRunId": "S-4", "attempt": 2}]}"""));
        // the run, its chain, the previous attempt's derivative wants
        assertThat(statements).isEqualTo(3);
    }

    /**
     * The job run detail view of a retry: its previous attempt's missing deps, derivative wants
     * and writes are read with the retry's own, one statement each, not a level later.
     */
    @Test
    void thePreviousAttemptsRelationsRideWithTheRunsOwn() {
        load(StatementScenario.events(20));
        long statements = statementsDuring(() -> graphQl.documentName("jobRunDetail").variable("jobRunId", "S-4").execute()
                .path("jobRun").matchesJson("""
                        {"jobRunId": "S-4", "status": "SUCCEEDED", "attempt": 2,
                         "wrote": {"totalCount": 1, "nodes": [{"ref": "shared/base", "status": "LIVE", "isCanonical": true}]},
                         "missingDeps": [], "derivativeWants": {"totalCount": 0},
                         "previousAttempt": {"jobRunId": "S-0", "status": "DEP_MISS",
                           "missingDeps": [{"impactedRef": "shared/base", "missingRef": "shared/root", "missingPartition": {"ref": "shared/root"}}],
                           "derivativeWants": {"totalCount": 1, "nodes": [{"wantId": "W-0000", "triggeredBy": {"jobRunId": "S-0"}}]},
                           "wrote": {"nodes": [{"status": "UP_FOR_RETRY", "isCanonical": false}]},
                           "nextAttempt": {"jobRunId": "S-4"}},
                         "attempts": [{"jobRunId": "S-0"}, {"jobRunId": "S-4"}],
                         "upstream": {"totalCount": 1}, "downstream": {"totalCount": 19}}"""));
        // the run; its seven relations and its chain, the previous attempt's three among them; the
        // missing partition. Loaded when the previous attempt had come back, it was 13.
        assertThat(statements).isEqualTo(10);
    }

    /** A run asked for by id only is answered from the row that names it; asking more of it reads it. */
    @Test
    void aRunAskedForByIdOnlyCostsNoLookup() {
        load(StatementScenario.events(20));
        String s0 = GlobalId.of(JobRun.TYPE, "S-0");
        String s4 = GlobalId.of(JobRun.TYPE, "S-4");
        long identities = statementsDuring(() -> graphQl.documentName("runIdentities").variable("jobRunId", "S-4")
                .variable("ref", "shared/base").execute()
                .path("jobRun").matchesJson("""
                        {"previousAttempt": {"jobRunId": "S-0", "id": "%s", "__typename": "JobRun"},
                         "wrote": {"nodes": [{"builtBy": {"jobRunId": "S-4"}}]}}""".formatted(s0))
                .path("want").matchesJson("{\"triggeredBy\": {\"jobRunId\": \"S-0\"}}")
                .path("partition").matchesJson("{\"current\": {\"builtBy\": {\"id\": \"%s\"}}}".formatted(s4)));
        // the three root fields and the page of what S-4 wrote; no run is looked up
        assertThat(identities).isEqualTo(4);
        long more = statementsDuring(() -> graphQl.document("{ jobRun(jobRunId: \"S-4\") { previousAttempt { jobRunId status } } }")
                .execute().path("jobRun.previousAttempt").matchesJson("{\"jobRunId\": \"S-0\", \"status\": \"DEP_MISS\"}"));
        assertThat(more).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private void page(int first) {
        List<Map<String, Object>> nodes = graphQl.documentName("jobRunsNested").variable("first", first).execute()
                .path("jobRuns.nodes").entity(List.class).get();
        assertThat(nodes).hasSize(first);
        // the first run exercises every relation the query asks for
        Map<String, Object> run = nodes.get(0);
        assertThat(run.get("jobRunId")).isEqualTo("S-0");
        assertThat(run.get("missingDeps")).isEqualTo(List.of(
                Map.of("impactedRef", "shared/base", "missingRef", "shared/root", "missingPartition", Map.of("ref", "shared/root"))));
        assertThat(run.get("derivativeWants")).isEqualTo(Map.of("totalCount", 1,
                "nodes", List.of(Map.of("wantId", "W-0000", "triggeredBy", Map.of("jobRunId", "S-0")))));
        assertThat(run.get("nextAttempt")).isEqualTo(Map.of("jobRunId", "S-4"));
        if (first > 1) {
            Map<String, Object> retry = nodes.get(4);
            assertThat(retry.get("jobRunId")).isEqualTo("S-4");
            assertThat(retry.get("upstream")).isEqualTo(Map.of("totalCount", 1, "nodes", List.of(Map.of("jobRunId", "S-3"))));
            assertThat(((Map<String, Object>) retry.get("downstream")).get("totalCount")).isEqualTo(198 - 19 + 19 * 2);
        }
    }
}
