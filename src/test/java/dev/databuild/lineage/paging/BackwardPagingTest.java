package dev.databuild.lineage.paging;

import static dev.databuild.lineage.support.Ids.instanceUuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.jobrun.PagingScenario;
import dev.databuild.lineage.partition.Bel;
import dev.databuild.lineage.paging.Pager.Page;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * last/before on every connection that has them: walking back from the end gives the forward walk
 * reversed, page by page, with the right pageInfo and totalCount, and the same cursors both ways.
 */
class BackwardPagingTest extends GraphQlTest {

    private static final List<String> HUB_READERS = IntStream.rangeClosed(1, 7).mapToObj(i -> "K-" + i).toList();

    /** The paging scenario, plus hub/x read by K-1..K-7, each building k/i from it. */
    @BeforeEach
    void scenario() {
        load(PagingScenario.events());
        List<DataBuildEvent> hub = new ArrayList<>(Bel.build("H-HUB", "hub/x"));
        HUB_READERS.forEach(run -> hub.addAll(Bel.build(run, "k/" + run.substring(2), "hub/x")));
        load(hub);
    }

    @Test
    void wantsAndJobRunsPageBackFromTheNewest() {
        List<String> wants = List.of("W-P", "W-Q", "D-1", "D-2", "D-3", "D-4", "D-5", "W-M", "W-M2", "W-F");
        mirrors(root("Wants", "wants", Map.of()), 2, wants);
        mirrors(root("Wants", "wants", Map.of()), 3, wants);
        mirrors(root("Wants", "wants", Map.of("status", "FAILED")), 2, List.of("W-F"));
        List<String> runs = new ArrayList<>(List.of("R-P1", "R-P2", "R-P3", "R-P4", "R-P5", "R-Q1", "R-D1", "R-D2", "R-D3",
                "R-D4", "R-D5", "R-Q2", "R-M", "R-N", "R-N2", "R-F", "H-HUB"));
        runs.addAll(HUB_READERS);
        mirrors(root("JobRuns", "jobRuns", Map.of()), 4, runs);
        mirrors(root("JobRuns", "jobRuns", Map.of()), 5, runs);
        mirrors(root("JobRuns", "jobRuns", Map.of("jobLabel", "//jobs:p")), 2, List.of("R-P1", "R-P2", "R-P3", "R-P4", "R-P5"));
    }

    @Test
    void partitionsPageBackFromTheLastRef() {
        mirrors(root("Partitions", "partitions", Map.of("refPrefix", "dep/")), 2,
                List.of("dep/1", "dep/2", "dep/3", "dep/4", "dep/5"));
        mirrors(root("Partitions", "partitions", Map.of("refPrefix", "k/")), 3,
                HUB_READERS.stream().map(r -> "k/" + r.substring(2)).toList());
        mirrors(root("Partitions", "partitions", Map.of("refPrefix", "none/")), 2, List.of());
    }

    @Test
    void historyPagesBackFromTheOldestInstance() {
        // the history is newest first, so its end, where last starts, is the first build
        List<String> history = Stream.of("R-P5", "R-P4", "R-P3", "R-P2", "R-P1").map(r -> instanceUuid(r, "p/out").toString()).toList();
        mirrors(child("Instances", "partition.instances", "ref", "p/out"), 2, history);
        mirrors(child("Instances", "partition.instances", "ref", "p/out"), 5, history);
        mirrors(child("Instances", "partition.instances", "ref", "hub/x"), 2, List.of(instanceUuid("H-HUB", "hub/x").toString()));
        Page oldestTwo = child("Instances", "partition.instances", "ref", "p/out").backward(2, null);
        assertThat(oldestTwo.keys()).containsExactly(history.get(3), history.get(4));
    }

    @Test
    void aWantsRunsPageBackFromTheLatestAttempt() {
        mirrors(child("WantJobRuns", "want.jobRuns", "wantId", "W-P"), 2, List.of("R-P1", "R-P2", "R-P3", "R-P4", "R-P5"));
        mirrors(child("WantJobRuns", "want.jobRuns", "wantId", "W-M"), 1, List.of("R-M"));
    }

    @Test
    void consumersAndDownstreamPageBackFromTheNewest() {
        String hub = instanceUuid("H-HUB", "hub/x").toString();
        mirrors(child("Consumers", "partitionInstance.consumers", "uuid", hub), 3, HUB_READERS);
        mirrors(child("Consumers", "partitionInstance.consumers", "uuid", hub), 7, HUB_READERS);
        mirrors(child("Downstream", "partitionInstance.downstream", "uuid", hub), 2,
                HUB_READERS.stream().map(r -> instanceUuid(r, "k/" + r.substring(2)).toString()).toList());
        String leaf = instanceUuid("K-1", "k/1").toString();
        mirrors(child("Consumers", "partitionInstance.consumers", "uuid", leaf), 2, List.of());
        mirrors(child("Downstream", "partitionInstance.downstream", "uuid", leaf), 2, List.of());
    }

    @Test
    void badPageArgumentsNameTheirArgument() {
        String hub = instanceUuid("H-HUB", "hub/x").toString();
        List<Pager> pagers = List.of(root("Wants", "wants", Map.of()), root("JobRuns", "jobRuns", Map.of()),
                root("Partitions", "partitions", Map.of()), child("Instances", "partition.instances", "ref", "p/out"),
                child("WantJobRuns", "want.jobRuns", "wantId", "W-P"), child("Consumers", "partitionInstance.consumers", "uuid", hub),
                child("Downstream", "partitionInstance.downstream", "uuid", hub));
        String foreign = Cursor.encode("x", "y", "z");
        for (Pager pager : pagers) {
            expectBadArgument(pager.raw(2, null, 2, null), "last", "cannot be combined with 'first'");
            expectBadArgument(pager.raw(null, null, 101, null), "last", "above the page-size cap of 100");
            expectBadArgument(pager.raw(null, null, -1, null), "last", "must not be negative");
            expectBadArgument(pager.raw(null, null, 2, "garbage"), "before", "is not a cursor of this connection");
            expectBadArgument(pager.raw(null, null, 2, foreign), "before", "is not a cursor of this connection");
            expectBadArgument(pager.raw(null, null, null, "garbage"), "before", "is not a cursor of this connection");
            expectBadArgument(pager.raw(2, "garbage", null, null), "after", "is not a cursor of this connection");
            String cursor = pager.forward(1, null).cursors().get(0);
            expectBadArgument(pager.raw(null, cursor, 2, null), "after", "cannot be combined with 'last' or 'before'");
            expectBadArgument(pager.raw(2, null, null, cursor), "before", "pages backward, with 'last'");
        }
    }

    /**
     * The backward walk from the end, with pages of {@code n}, is the forward walk reversed: page i
     * holds the i-th n items from the end, in forward order, with the same cursors as forward.
     */
    private static void mirrors(Pager pager, int n, List<?> expected) {
        int total = expected.size();
        List<Page> forward = pager.walkForward(n);
        assertThat(forward.stream().flatMap(p -> p.keys().stream()).toList()).isEqualTo(expected);
        Map<Object, String> cursorOf = new HashMap<>();
        forward.forEach(p -> IntStream.range(0, p.keys().size()).forEach(i -> cursorOf.put(p.keys().get(i), p.cursors().get(i))));

        List<Page> backward = pager.walkBackward(n);
        assertThat(backward).hasSize(Math.max(1, (total + n - 1) / n));
        for (int i = 0; i < backward.size(); i++) {
            int to = total - i * n;
            int from = Math.max(0, to - n);
            Page page = backward.get(i);
            assertThat(page.keys()).as("backward page %d of %s", i, expected).isEqualTo(expected.subList(from, to));
            assertThat(page.cursors()).isEqualTo(page.keys().stream().map(cursorOf::get).toList());
            assertThat(page.hasPreviousPage()).as("hasPreviousPage of backward page %d", i).isEqualTo(from > 0);
            assertThat(page.hasNextPage()).as("hasNextPage of backward page %d", i).isEqualTo(i > 0);
            assertThat(page.totalCount()).isEqualTo(total);
        }
        if (total % n == 0) {
            List<List<Object>> reversed = new ArrayList<>(backward.stream().map(Page::keys).toList());
            java.util.Collections.reverse(reversed);
            assertThat(reversed).isEqualTo(forward.stream().map(Page::keys).toList());
        }
        Page all = pager.backward(100, null);
        assertThat(all.keys()).isEqualTo(expected);
        assertThat(List.of(all.hasPreviousPage(), all.hasNextPage(), all.totalCount())).isEqualTo(List.of(false, false, total));
        if (total == 0) {
            return;
        }
        // before the first item: an empty page that still counts everything
        Page none = pager.backward(n, cursorOf.get(expected.get(0)));
        assertThat(none.keys()).isEmpty();
        assertThat(List.of(none.hasPreviousPage(), none.hasNextPage(), none.totalCount())).isEqualTo(List.of(false, true, total));
        // a cursor of one page used as before and as after
        int k = total / 2;
        String cursor = cursorOf.get(expected.get(k));
        Page before = pager.backward(2, cursor);
        assertThat(before.keys()).isEqualTo(expected.subList(Math.max(0, k - 2), k));
        assertThat(List.of(before.hasPreviousPage(), before.hasNextPage())).isEqualTo(List.of(k - 2 > 0, true));
        Page after = pager.forward(2, cursor);
        assertThat(after.keys()).isEqualTo(expected.subList(Math.min(total, k + 1), Math.min(total, k + 3)));
        assertThat(List.of(after.hasPreviousPage(), after.hasNextPage())).isEqualTo(List.of(true, k + 3 < total));
    }

    private void expectBadArgument(GraphQlTester.Request<?> request, String argument, String why) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains("argument '" + argument + "'").contains(why);
            assertThat(errors.get(0).getExtensions()).containsEntry("argument", argument);
        });
    }

    private Pager root(String operation, String path, Map<String, Object> filters) {
        return new Pager((first, after, last, before) -> {
            GraphQlTester.Request<?> req = page(operation, first, after, last, before);
            for (Map.Entry<String, Object> f : filters.entrySet()) {
                req = req.variable(f.getKey(), f.getValue());
            }
            return req;
        }, path);
    }

    private Pager child(String operation, String path, String parentVariable, String parent) {
        return new Pager((first, after, last, before) -> page(operation, first, after, last, before)
                .variable(parentVariable, parent), path);
    }

    private GraphQlTester.Request<?> page(String operation, Integer first, String after, Integer last, String before) {
        return graphQl.documentName("backwardPaging").operationName(operation).variable("first", first)
                .variable("after", after).variable("last", last).variable("before", before);
    }
}
