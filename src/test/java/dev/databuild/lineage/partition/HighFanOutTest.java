package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** One instance read by 10,000 runs: pages cost one page, and totals come from the counters. */
class HighFanOutTest extends GraphQlTest {

    static final int READERS = 10_000;
    static final UUID HUB = Ids.instanceUuid("H-BIG", "hub/big");
    static final UUID SMALL = Ids.instanceUuid("H-SMALL", "hub/small");

    private void loadHubs() {
        load(List.of(Bel.buffer("H-BIG", "hub/big"), Bel.success("H-BIG"), Bel.buffer("H-SMALL", "hub/small"), Bel.success("H-SMALL")));
        List<DataBuildEvent> batch = new ArrayList<>();
        for (int i = 1; i <= READERS; i++) {
            String run = runId(i);
            batch.add(Bel.buffer(run, "fan/" + run));
            batch.add(Bel.success(run, "hub/big"));
            if (batch.size() >= 5_000) {
                load(batch);
                batch = new ArrayList<>();
            }
        }
        for (int i = 1; i <= 10; i++) {
            batch.add(Bel.buffer("S-" + i, "small/" + i));
            batch.add(Bel.success("S-" + i, "hub/small"));
        }
        load(batch);
    }

    @Test
    void consumersOfAHubPageExactlyAtTheCostOfASmallInstance() {
        loadHubs();
        String after = null;
        long hubStatements = 0;
        for (int page = 0; page < 3; page++) {
            String cursor = after;
            AtomicReference<GraphQlTester.Response> response = new AtomicReference<>();
            long n = statementsDuring(() -> response.set(graphQl.documentName("consumers")
                    .variable("uuid", HUB.toString()).variable("after", cursor).execute()));
            int from = page * 10 + 1;
            response.get().errors().verify()
                    .path("partitionInstance.consumers.totalCount").entity(Integer.class).isEqualTo(READERS)
                    .path("partitionInstance.consumers.nodes[*].jobRunId").entityList(String.class)
                    .containsExactly(IntStream.range(from, from + 10).mapToObj(HighFanOutTest::runId).toArray(String[]::new))
                    .path("partitionInstance.consumers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                    .path("partitionInstance.consumers.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(page > 0)
                    .path("partitionInstance.downstream.totalCount").entity(Integer.class).isEqualTo(READERS)
                    .path("partitionInstance.downstream.nodes[*].ref").entityList(String.class)
                    .containsExactly("fan/" + runId(1), "fan/" + runId(2), "fan/" + runId(3));
            after = response.get().path("partitionInstance.consumers.pageInfo.endCursor").entity(String.class).get();
            hubStatements = n;
        }

        long smallStatements = statementsDuring(() -> graphQl.documentName("consumers").variable("uuid", SMALL.toString()).execute()
                .path("partitionInstance.consumers.totalCount").entity(Integer.class).isEqualTo(10)
                .path("partitionInstance.consumers.nodes[*].jobRunId").entityList(String.class)
                .containsExactly(IntStream.rangeClosed(1, 10).mapToObj(i -> "S-" + i).toArray(String[]::new))
                .path("partitionInstance.consumers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false));
        System.out.printf("statements: 10,000 consumers %d, 10 consumers %d%n", hubStatements, smallStatements);
        assertThat(hubStatements).isEqualTo(smallStatements).isEqualTo(3);

        // the lineage walk keeps perNodeLimit of the hub's readers and says how many it left out
        graphQl.document("""
                        { lineage(uuid: "%s", direction: DOWNSTREAM, depth: 1, perNodeLimit: 25) {
                            truncated nodes { depth hasMore } depthCounts { depth nodes leftOut } } }""".formatted(HUB))
                .execute().errors().verify()
                .path("lineage.truncated").entity(Boolean.class).isEqualTo(true)
                .path("lineage.nodes[0].hasMore").entity(Integer.class).isEqualTo(READERS - 25)
                .path("lineage.depthCounts[*].nodes").entityList(Integer.class).containsExactly(1, 50)
                .path("lineage.depthCounts[*].leftOut").entityList(Integer.class).containsExactly(READERS - 25, 0);
    }

    static String runId(int i) {
        return "C-%05d".formatted(i);
    }
}
