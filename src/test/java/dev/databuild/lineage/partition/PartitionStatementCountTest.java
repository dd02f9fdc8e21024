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

/** The same nested query over 1 and over 200 partitions runs the same number of statements. */
@TestPropertySource(properties = "lineage.graphql.max-page-size=200")
class PartitionStatementCountTest extends GraphQlTest {

    static final int PARTITIONS = 200;

    /** p/NNN is wanted by W-NNN, built by A-NNN from base/x, and read by B-NNN to build q/NNN. */
    private void loadPartitions() {
        List<DataBuildEvent> events = new ArrayList<>(Bel.build("BASE", "base/x"));
        for (int i = 1; i <= PARTITIONS; i++) {
            String n = "%03d".formatted(i);
            events.add(Bel.want("W-" + n, "p/" + n));
            events.add(Bel.bufferFor("A-" + n, "W-" + n, "p/" + n));
            events.add(Bel.success("A-" + n, "base/x"));
            events.addAll(Bel.build("B-" + n, "q/" + n, "p/" + n));
        }
        load(events);
    }

    @Test
    void nestedRelationsCostOneStatementEachWhateverThePageSize() {
        loadPartitions();
        long one = statementsDuring(() -> graphQl.documentName("partitionsNested").variable("first", 1).execute().errors().verify()
                .path("partitions.nodes[*].ref").entityList(String.class).containsExactly("p/001"));
        long many = statementsDuring(() -> {
            var response = graphQl.documentName("partitionsNested").variable("first", PARTITIONS).execute().errors().verify();
            response.path("partitions.totalCount").entity(Integer.class).isEqualTo(PARTITIONS)
                    .path("partitions.nodes[*].status").entityList(String.class).hasSize(PARTITIONS);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) (List<?>) response.path("partitions.nodes").entityList(Map.class).get();
            for (int i = 1; i <= PARTITIONS; i++) {
                assertPartition(nodes.get(i - 1), "%03d".formatted(i));
            }
        });
        System.out.printf("statements: nested query over 1 partition %d, over %d partitions %d%n", one, PARTITIONS, many);
        // partitions with their canonical instances (status, current; partition is the same lookup);
        // instances; wants; then per instance: builtBy (asked for its status: its id alone costs
        // nothing), upstream, downstream, consumers, isStale (the statusHistory comes with the
        // instance's row)
        assertThat(many).isEqualTo(one).isEqualTo(8);
    }

    @SuppressWarnings("unchecked")
    private static void assertPartition(Map<String, Object> node, String n) {
        String instance = Ids.instanceUuid("A-" + n, "p/" + n).toString();
        assertThat(node.get("ref")).isEqualTo("p/" + n);
        assertThat(node.get("status")).isEqualTo("LIVE");
        Map<String, Object> current = (Map<String, Object>) node.get("current");
        assertThat(current).containsEntry("uuid", instance).containsEntry("isStale", false)
                .containsEntry("builtBy", Map.of("jobRunId", "A-" + n, "status", "SUCCEEDED"))
                .containsEntry("upstream", Map.of("totalCount", 1, "nodes", List.of(Map.of("uuid", Ids.instanceUuid("BASE", "base/x").toString()))))
                .containsEntry("downstream", Map.of("totalCount", 1, "nodes", List.of(Map.of("uuid", Ids.instanceUuid("B-" + n, "q/" + n).toString()))))
                .containsEntry("consumers", Map.of("totalCount", 1, "nodes", List.of(Map.of("jobRunId", "B-" + n))))
                .containsEntry("statusHistory", List.of(Map.of("status", "BUILDING"), Map.of("status", "LIVE")))
                .containsEntry("partition", Map.of("ref", "p/" + n));
        assertThat(node.get("instances")).isEqualTo(Map.of("nodes", List.of(Map.of("uuid", instance))));
        assertThat(node.get("wants")).isEqualTo(Map.of("nodes", List.of(Map.of("wantId", "W-" + n))));
    }
}
