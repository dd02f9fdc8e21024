package dev.databuild.lineage.jobrun;

import static dev.databuild.lineage.support.Ids.instanceUuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Job run connections walked page by page: everything once, in order, distinct, counted right. */
class JobRunPaginationTest extends GraphQlTest {

    @BeforeEach
    void scenario() {
        load(PagingScenario.events());
    }

    @Test
    void allRunsInBufferedOrderByLabelAndStatus() {
        assertThat(PageWalk.walk((first, after) -> op("JobRuns").variable("jobLabel", "//jobs:p").variable("first", first)
                .variable("after", after), "jobRuns", "jobRunId", 2, 5))
                .containsExactly("R-P1", "R-P2", "R-P3", "R-P4", "R-P5");
        assertThat(PageWalk.walk((first, after) -> op("JobRuns").variable("status", "FAILED").variable("first", first)
                .variable("after", after), "jobRuns", "jobRunId", 3, 5))
                .containsExactly("R-P1", "R-P2", "R-P3", "R-P4", "R-F");
        assertThat(PageWalk.walk((first, after) -> op("JobRuns").variable("jobLabel", "//jobs:q").variable("status", "SUCCEEDED")
                .variable("first", first).variable("after", after), "jobRuns", "jobRunId", 1, 1))
                .containsExactly("R-Q2");
        assertThat(PageWalk.walk((first, after) -> op("JobRuns").variable("first", first).variable("after", after),
                "jobRuns", "jobRunId", 7, 16)).containsExactly("R-P1", "R-P2", "R-P3", "R-P4", "R-P5", "R-Q1",
                "R-D1", "R-D2", "R-D3", "R-D4", "R-D5", "R-Q2", "R-M", "R-N", "R-N2", "R-F");
    }

    @Test
    void readByRefAndWroteByRef() {
        assertThat(PageWalk.walk((first, after) -> child("RunRead", "R-Q2", first, after), "jobRun.read", "uuid", 2, 5))
                .containsExactly(Stream.of(1, 2, 3, 4, 5).map(i -> instanceUuid("R-D" + i, "dep/" + i).toString()).toArray());
        assertThat(PageWalk.walk((first, after) -> child("RunWrote", "R-M", first, after), "jobRun.wrote", "uuid", 2, 3))
                .containsExactly(Stream.of("m/a", "m/b", "m/c").map(ref -> instanceUuid("R-M", ref).toString()).toArray());
        assertThat(PageWalk.walk((first, after) -> child("RunRead", "R-M", first, after), "jobRun.read", "uuid", 2, 0)).isEmpty();
    }

    @Test
    void wantsOfARunAreDistinct() {
        assertThat(PageWalk.walk((first, after) -> child("RunScheduledFor", "R-M", first, after), "jobRun.scheduledFor",
                "wantId", 1, 2)).containsExactly("W-M", "W-M2");
        assertThat(PageWalk.walk((first, after) -> child("RunDerivativeWants", "R-Q1", first, after), "jobRun.derivativeWants",
                "wantId", 2, 5)).containsExactly("D-1", "D-2", "D-3", "D-4", "D-5");
    }

    @Test
    void upstreamAndDownstreamRunsAreDistinctInBufferedOrder() {
        assertThat(PageWalk.walk((first, after) -> child("RunUpstream", "R-Q2", first, after), "jobRun.upstream", "jobRunId", 2, 5))
                .containsExactly("R-D1", "R-D2", "R-D3", "R-D4", "R-D5");
        // R-N read three of R-M's outputs: one upstream run, one downstream run
        assertThat(PageWalk.walk((first, after) -> child("RunUpstream", "R-N", first, after), "jobRun.upstream", "jobRunId", 1, 1))
                .containsExactly("R-M");
        assertThat(PageWalk.walk((first, after) -> child("RunDownstream", "R-M", first, after), "jobRun.downstream", "jobRunId", 1, 2))
                .containsExactly("R-N", "R-N2");
        assertThat(PageWalk.walk((first, after) -> child("RunDownstream", "R-D3", first, after), "jobRun.downstream", "jobRunId", 1, 1))
                .containsExactly("R-Q2");
    }

    @Test
    void aRetryChainOfFiveIsOneListInAttemptOrder() {
        graphQl.documentName("jobRunAttempts").variable("jobRunId", "R-P3").execute()
                .path("jobRun").matchesJsonStrictly("""
                {"attempt": 3, "previousAttempt": {"jobRunId": "R-P2"}, "nextAttempt": {"jobRunId": "R-P4"},
                 "attempts": [
                   {"jobRunId": "R-P1", "attempt": 1, "status": "FAILED", "failureReason": "attempt 1 failed"},
                   {"jobRunId": "R-P2", "attempt": 2, "status": "FAILED", "failureReason": "attempt 2 failed"},
                   {"jobRunId": "R-P3", "attempt": 3, "status": "FAILED", "failureReason": "attempt 3 failed"},
                   {"jobRunId": "R-P4", "attempt": 4, "status": "FAILED", "failureReason": "attempt 4 failed"},
                   {"jobRunId": "R-P5", "attempt": 5, "status": "SUCCEEDED", "failureReason": null}
                 ]}""");
    }

    @Test
    void badCursorAndOversizedFirstNameTheirArgument() {
        expectBadArgument(child("RunRead", "R-Q2", 2, "bm9wZQ"), "after");
        expectBadArgument(op("JobRuns").variable("after", "garbage"), "after");
        // a wrote cursor holds a ref where read's has a ref and a UUID
        String wroteCursor = child("RunWrote", "R-M", 1, null).execute()
                .path("jobRun.wrote.pageInfo.endCursor").entity(String.class).get();
        expectBadArgument(child("RunRead", "R-Q2", 2, wroteCursor), "after");
        expectBadArgument(op("JobRuns").variable("first", 101), "first");
        expectBadArgument(child("RunUpstream", "R-Q2", 1000, null), "first");
    }

    private void expectBadArgument(GraphQlTester.Request<?> request, String argument) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains("argument '" + argument + "'");
            assertThat(errors.get(0).getExtensions()).containsEntry("argument", argument);
        });
    }

    private GraphQlTester.Request<?> op(String operation) {
        return graphQl.documentName("jobRunPagination").operationName(operation);
    }

    private GraphQlTester.Request<?> child(String operation, String jobRunId, Integer first, String after) {
        return op(operation).variable("jobRunId", jobRunId).variable("first", first).variable("after", after);
    }
}
