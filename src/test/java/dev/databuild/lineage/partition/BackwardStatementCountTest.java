package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A backward page of consumers under 1 and under 200 parents runs the same number of statements. */
@TestPropertySource(properties = "lineage.graphql.max-page-size=200")
class BackwardStatementCountTest extends GraphQlTest {

    static final int PARTITIONS = 200;

    /** p/NNN is built by A-NNN, then read by B-NNN (building q/NNN) and, later, by C-NNN (building r/NNN). */
    private void loadPartitions() {
        List<DataBuildEvent> events = new ArrayList<>();
        for (int i = 1; i <= PARTITIONS; i++) {
            String n = "%03d".formatted(i);
            events.addAll(Bel.build("A-" + n, "p/" + n));
            events.addAll(Bel.build("B-" + n, "q/" + n, "p/" + n));
            events.addAll(Bel.build("C-" + n, "r/" + n, "p/" + n));
        }
        load(events);
    }

    @Test
    void lastPagesCostOneStatementPerLevelWhateverTheNumberOfParents() {
        loadPartitions();
        long one = statementsDuring(() -> {
            var response = graphQl.documentName("partitionsLast").variable("last", 1).execute().errors().verify();
            response.path("partitions.pageInfo").entity(Map.class).isEqualTo(Map.of("hasPreviousPage", true, "hasNextPage", false));
            assertNodes(response.path("partitions.nodes").entityList(Map.class).get(), PARTITIONS);
        });
        long many = statementsDuring(() -> {
            var response = graphQl.documentName("partitionsLast").variable("last", PARTITIONS).execute().errors().verify();
            response.path("partitions.totalCount").entity(Integer.class).isEqualTo(PARTITIONS)
                    .path("partitions.pageInfo").entity(Map.class).isEqualTo(Map.of("hasPreviousPage", false, "hasNextPage", false));
            assertNodes(response.path("partitions.nodes").entityList(Map.class).get(), 1);
        });
        System.out.printf("statements: last-page query over 1 partition %d, over %d partitions %d%n", one, PARTITIONS, many);
        // partitions with their current instances; consumers; downstream; instances
        assertThat(many).isEqualTo(one).isEqualTo(4);
    }

    /** The nodes are p/{from}..p/200 in ref order, each with its newest consumer and downstream. */
    @SuppressWarnings("unchecked")
    private static void assertNodes(List<Map> nodes, int from) {
        assertThat(nodes).hasSize(PARTITIONS - from + 1);
        for (int i = from; i <= PARTITIONS; i++) {
            String n = "%03d".formatted(i);
            Map<String, Object> node = nodes.get(i - from);
            assertThat(node.get("ref")).isEqualTo("p/" + n);
            Map<String, Object> current = (Map<String, Object>) node.get("current");
            assertThat(current.get("consumers")).isEqualTo(Map.of("totalCount", 2, "nodes", List.of(Map.of("jobRunId", "C-" + n)),
                    "pageInfo", Map.of("hasPreviousPage", true, "hasNextPage", false)));
            assertThat(current.get("downstream")).isEqualTo(Map.of("totalCount", 2, "nodes", List.of(Map.of("ref", "r/" + n)),
                    "pageInfo", Map.of("hasPreviousPage", true, "hasNextPage", false)));
            assertThat(node.get("instances")).isEqualTo(Map.of("totalCount", 1,
                    "nodes", List.of(Map.of("uuid", Ids.instanceUuid("A-" + n, "p/" + n).toString()))));
        }
    }
}
