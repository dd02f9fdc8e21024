package dev.databuild.lineage.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Ids;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Query.lineage over the reference's example: exact nodes, depths, edges and what was left out. */
class LineageQueryTest extends GraphQlTest {

    static final UUID ALPHA = Ids.instanceUuid("JR-300", "data/alpha");
    static final UUID BETA = Ids.instanceUuid("JR-457", "data/beta");
    static final UUID BETA_DEP_MISS = Ids.instanceUuid("JR-456", "data/beta");
    static final UUID GAMMA = Ids.instanceUuid("JR-789", "data/gamma");

    private GraphQlTester.Response lineage(Map<String, Object> variables) {
        var request = graphQl.documentName("lineage");
        variables.forEach(request::variable);
        return request.execute();
    }

    @Test
    void betaDepth3BothIsTheWholeExample() {
        loadExample();
        var response = lineage(Map.of("ref", "data/beta", "depth", 3));
        LineageResult r = LineageResult.of(response);
        assertThat(r.nodes()).containsExactly(
                "0 data/beta LIVE hasMore=0",
                "-1 JR-457 SUCCEEDED hasMore=0",
                "-1 data/alpha LIVE hasMore=0",
                "-2 JR-300 SUCCEEDED hasMore=0",
                "1 JR-789 SUCCEEDED hasMore=0",
                "1 data/gamma LIVE hasMore=0");
        assertThat(r.edges()).containsExactly(
                "JR-457 -> data/beta",
                "data/alpha -> JR-457",
                "JR-300 -> data/alpha",
                "data/beta -> JR-789",
                "JR-789 -> data/gamma");
        assertThat(r.depthCounts()).containsExactly("-2:1/0", "-1:2/0", "0:1/0", "1:2/0");
        assertThat(r.truncated()).isFalse();
        response.path("lineage.focus.uuid").entity(String.class).isEqualTo(BETA.toString())
                .path("lineage.direction").entity(String.class).isEqualTo("BOTH")
                .path("lineage.depth").entity(Integer.class).isEqualTo(3)
                .path("lineage.perNodeLimit").entity(Integer.class).isEqualTo(25)
                .path("lineage.nodes[*].kind").entityList(String.class)
                .containsExactly("PARTITION_INSTANCE", "JOB_RUN", "PARTITION_INSTANCE", "JOB_RUN", "JOB_RUN", "PARTITION_INSTANCE")
                .path("lineage.nodes[*].id").entityList(String.class).containsExactly(
                        instanceId(BETA), runId("JR-457"), instanceId(ALPHA), runId("JR-300"), runId("JR-789"), instanceId(GAMMA))
                .path("lineage.nodes[*].instance.uuid").entityList(String.class)
                .containsExactly(BETA.toString(), ALPHA.toString(), GAMMA.toString())
                .path("lineage.nodes[*].jobRun.jobLabel").entityList(String.class)
                .containsExactly("//jobs:beta", "//jobs:alpha", "//jobs:gamma");
    }

    @Test
    void betaDepth1StopsAtAlphaWhoseBuilderIsTwoHopsAway() {
        loadExample();
        LineageResult r = LineageResult.of(lineage(Map.of("ref", "data/beta", "depth", 1)));
        // data/alpha's builder JR-300 would be at depth -2: the depth limit hides it, and says so
        assertThat(r.nodes()).containsExactly(
                "0 data/beta LIVE hasMore=0",
                "-1 JR-457 SUCCEEDED hasMore=0",
                "-1 data/alpha LIVE hasMore=0 limited",
                "1 JR-789 SUCCEEDED hasMore=0",
                "1 data/gamma LIVE hasMore=0");
        assertThat(r.edges()).containsExactly(
                "JR-457 -> data/beta", "data/alpha -> JR-457", "data/beta -> JR-789", "JR-789 -> data/gamma");
        assertThat(r.depthCounts()).containsExactly("-1:2/0", "0:1/0", "1:2/0");
        assertThat(r.truncated()).isTrue();

        LineageResult down = LineageResult.of(lineage(Map.of("ref", "data/beta", "depth", 1, "direction", "DOWNSTREAM")));
        assertThat(down.nodes()).containsExactly(
                "0 data/beta LIVE hasMore=0", "1 JR-789 SUCCEEDED hasMore=0", "1 data/gamma LIVE hasMore=0");
        assertThat(down.edges()).containsExactly("data/beta -> JR-789", "JR-789 -> data/gamma");
        assertThat(down.truncated()).isFalse();
    }

    @Test
    void depthLimitedNodesAreMarked() {
        loadExample();
        LineageResult up1 = LineageResult.of(lineage(Map.of("ref", "data/gamma", "direction", "UPSTREAM", "depth", 1)));
        assertThat(up1.nodes()).containsExactly(
                "0 data/gamma LIVE hasMore=0",
                "-1 JR-789 SUCCEEDED hasMore=0",
                "-1 data/alpha LIVE hasMore=0 limited",
                "-1 data/beta LIVE hasMore=0 limited");
        assertThat(up1.edges()).containsExactly("JR-789 -> data/gamma", "data/alpha -> JR-789", "data/beta -> JR-789");
        assertThat(up1.truncated()).isTrue();

        // one hop more reaches both builders; JR-457's input is already in the graph: a diamond, one node
        LineageResult up2 = LineageResult.of(lineage(Map.of("ref", "data/gamma", "direction", "UPSTREAM", "depth", 2)));
        assertThat(up2.nodes()).containsExactly(
                "0 data/gamma LIVE hasMore=0",
                "-1 JR-789 SUCCEEDED hasMore=0",
                "-1 data/alpha LIVE hasMore=0",
                "-1 data/beta LIVE hasMore=0",
                "-2 JR-300 SUCCEEDED hasMore=0",
                "-2 JR-457 SUCCEEDED hasMore=0");
        assertThat(up2.edges()).containsExactly("JR-789 -> data/gamma", "data/alpha -> JR-789", "data/beta -> JR-789",
                "JR-300 -> data/alpha", "JR-457 -> data/beta", "data/alpha -> JR-457");
        assertThat(up2.truncated()).isFalse();

        // downstream, data/beta is read by JR-789: at the last depth that is a neighbour cut off
        LineageResult down0 = LineageResult.of(lineage(Map.of("ref", "data/beta", "direction", "DOWNSTREAM", "depth", 0)));
        assertThat(down0.nodes()).containsExactly("0 data/beta LIVE hasMore=0 limited");
        assertThat(down0.edges()).isEmpty();
        assertThat(down0.truncated()).isTrue();
    }

    @Test
    void perNodeLimitLeavesNeighboursOutAndCountsThem() {
        loadExample();
        // data/alpha is read by JR-457 (event 19) and JR-789 (event 23): only the first is kept
        LineageResult down = LineageResult.of(lineage(Map.of("ref", "data/alpha", "direction", "DOWNSTREAM", "depth", 1,
                "perNodeLimit", 1)));
        assertThat(down.nodes()).containsExactly(
                "0 data/alpha LIVE hasMore=1",
                "1 JR-457 SUCCEEDED hasMore=0",
                "1 data/beta LIVE hasMore=0 limited");
        assertThat(down.edges()).containsExactly("data/alpha -> JR-457", "JR-457 -> data/beta");
        assertThat(down.depthCounts()).containsExactly("0:1/1", "1:2/0");
        assertThat(down.truncated()).isTrue();

        // JR-789 read data/alpha and data/beta for data/gamma: in ref order, only data/alpha is kept
        LineageResult up = LineageResult.of(lineage(Map.of("ref", "data/gamma", "direction", "UPSTREAM", "depth", 2,
                "perNodeLimit", 1)));
        assertThat(up.nodes()).containsExactly(
                "0 data/gamma LIVE hasMore=0",
                "-1 JR-789 SUCCEEDED hasMore=1",
                "-1 data/alpha LIVE hasMore=0",
                "-2 JR-300 SUCCEEDED hasMore=0");
        assertThat(up.depthCounts()).containsExactly("-2:1/0", "-1:2/1", "0:1/0");
        assertThat(up.truncated()).isTrue();
    }

    @Test
    void focusByUuidAndAsOf() {
        loadExample();
        LineageResult byUuid = LineageResult.of(lineage(Map.of("uuid", BETA_DEP_MISS.toString())));
        assertThat(byUuid.nodes()).containsExactly("0 data/beta UP_FOR_RETRY hasMore=0", "-1 JR-456 DEP_MISS hasMore=0");
        assertThat(byUuid.edges()).containsExactly("JR-456 -> data/beta");
        assertThat(byUuid.truncated()).isFalse();

        var asOf = lineage(Map.of("ref", "data/beta", "asOf", "2025-01-01T00:00:10Z"));
        asOf.path("lineage.focus.uuid").entity(String.class).isEqualTo(BETA_DEP_MISS.toString());
        assertThat(LineageResult.of(asOf).nodes()).isEqualTo(byUuid.nodes());

        lineage(Map.of("ref", "data/beta", "asOf", "2025-01-01T00:00:01Z"))
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND))
                .path("lineage").valueIsNull();
        lineage(Map.of("ref", "data/nope"))
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND));
        lineage(Map.of("uuid", UUID.randomUUID().toString()))
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND));
    }

    @Test
    void badArgumentsAreNamed() {
        loadExample();
        badArgument(Map.of(), "ref", "'uuid'");
        badArgument(Map.of("ref", "data/beta", "uuid", BETA.toString()), "ref", "'uuid'");
        badArgument(Map.of("uuid", BETA.toString(), "asOf", "2025-01-01T00:00:10Z"), "asOf", "'ref'");
        badArgument(Map.of("uuid", "nope"), "uuid", "not a UUID");
        badArgument(Map.of("ref", "data/beta", "depth", -1), "depth", "between 0 and 50");
        badArgument(Map.of("ref", "data/beta", "depth", 51), "depth", "between 0 and 50");
        badArgument(Map.of("ref", "data/beta", "perNodeLimit", 0), "perNodeLimit", "between 1 and 100");
        badArgument(Map.of("ref", "data/beta", "perNodeLimit", 101), "perNodeLimit", "between 1 and 100");
    }

    private void badArgument(Map<String, Object> variables, String argument, String message) {
        lineage(variables).errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getExtensions()).containsEntry("argument", argument);
            assertThat(errors.get(0).getMessage()).contains("argument '" + argument + "'", message);
        }).path("lineage").valueIsNull();
    }

    static String instanceId(UUID uuid) {
        return GlobalId.of("PartitionInstance", uuid.toString());
    }

    static String runId(String jobRunId) {
        return GlobalId.of("JobRun", jobRunId);
    }
}
