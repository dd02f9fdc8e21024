package dev.databuild.lineage.want;

import static dev.databuild.lineage.support.Ids.instanceUuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.jobrun.PageWalk;
import dev.databuild.lineage.jobrun.PagingScenario;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Want connections walked page by page: everything once, in order, with the right pageInfo and counts. */
class WantPaginationTest extends GraphQlTest {

    @BeforeEach
    void scenario() {
        load(PagingScenario.events());
    }

    @Test
    void allWantsOldestFirstAndByStatus() {
        assertThat(PageWalk.walk((first, after) -> op("Wants").variable("first", first).variable("after", after),
                "wants", "wantId", 2, 10))
                .containsExactly("W-P", "W-Q", "D-1", "D-2", "D-3", "D-4", "D-5", "W-M", "W-M2", "W-F");
        assertThat(PageWalk.walk((first, after) -> op("Wants").variable("status", "SUCCESSFUL").variable("first", first)
                .variable("after", after), "wants", "wantId", 4, 9))
                .containsExactly("W-P", "W-Q", "D-1", "D-2", "D-3", "D-4", "D-5", "W-M", "W-M2");
        assertThat(PageWalk.walk((first, after) -> op("Wants").variable("status", "FAILED").variable("first", first)
                .variable("after", after), "wants", "wantId", 1, 1))
                .containsExactly("W-F");
    }

    @Test
    void everyRetryOfAWantInOrder() {
        assertThat(PageWalk.walk((first, after) -> child("WantJobRuns", "W-P", first, after), "want.jobRuns", "jobRunId", 2, 5))
                .containsExactly("R-P1", "R-P2", "R-P3", "R-P4", "R-P5");
        assertThat(PageWalk.walk((first, after) -> child("WantPartitions", "W-P", first, after), "want.partitions", "uuid", 2, 5))
                .containsExactly(Stream.of("R-P1", "R-P2", "R-P3", "R-P4", "R-P5").map(r -> instanceUuid(r, "p/out").toString()).toArray());
    }

    @Test
    void aRunBuildingSeveralRefsIsOneRunAndItsInstancesTieBreakByUuid() {
        assertThat(PageWalk.walk((first, after) -> child("WantJobRuns", "W-M", first, after), "want.jobRuns", "jobRunId", 1, 1))
                .containsExactly("R-M");
        // one buffer event minted all three: same created_event_id, so UUID order decides
        List<String> byUuid = Stream.of("m/a", "m/b", "m/c").map(ref -> instanceUuid("R-M", ref))
                .sorted(Comparator.comparing(UUID::toString)).map(UUID::toString).toList();
        assertThat(PageWalk.walk((first, after) -> child("WantPartitions", "W-M", first, after), "want.partitions", "uuid", 2, 3))
                .containsExactlyElementsOf(byUuid);
    }

    @Test
    void derivativeWantsOfAllTheWantsRuns() {
        assertThat(PageWalk.walk((first, after) -> child("WantDerivativeWants", "W-Q", first, after), "want.derivativeWants",
                "wantId", 2, 5))
                .containsExactly("D-1", "D-2", "D-3", "D-4", "D-5");
        assertThat(PageWalk.walk((first, after) -> child("WantDerivativeWants", "W-P", first, after), "want.derivativeWants",
                "wantId", 2, 0)).isEmpty();
    }

    @Test
    void badCursorsNameAfter() {
        expectBadArgument(child("WantJobRuns", "W-P", 2, "not-a-cursor"), "after");
        expectBadArgument(op("Wants").variable("after", "%%%"), "after");
        // a cursor of another connection (two key parts) is no cursor of this one (one part)
        String partitionsCursor = child("WantPartitions", "W-P", 1, null).execute()
                .path("want.partitions.pageInfo.endCursor").entity(String.class).get();
        expectBadArgument(child("WantJobRuns", "W-P", 2, partitionsCursor), "after");
    }

    @Test
    void aBadCursorFailsItsOwnFieldNotTheRestOfTheBatch() {
        String good = child("WantJobRuns", "W-P", 2, null).execute()
                .path("want.jobRuns.pageInfo.endCursor").entity(String.class).get();
        op("TwoWantsJobRuns").variable("good", good).variable("bad", "garbage").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getParsedPath()).containsExactly("q", "jobRuns");
                })
                .path("q").valueIsNull()
                .path("p.jobRuns.nodes[*].jobRunId").entityList(String.class).containsExactly("R-P3", "R-P4");
    }

    @Test
    void firstAboveTheCapOrNegativeNamesFirst() {
        expectBadArgument(op("Wants").variable("first", 101), "first");
        expectBadArgument(child("WantPartitions", "W-P", 101, null), "first");
        expectBadArgument(child("WantDerivativeWants", "W-Q", -1, null), "first");
        op("Wants").variable("first", 100).execute().path("wants.totalCount").entity(Integer.class).isEqualTo(10);
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
        return graphQl.documentName("wantPagination").operationName(operation);
    }

    private GraphQlTester.Request<?> child(String operation, String wantId, Integer first, String after) {
        return op(operation).variable("wantId", wantId).variable("first", first).variable("after", after);
    }
}
