package dev.databuild.lineage.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The overall node budget stops a walk and marks the graph truncated. */
@TestPropertySource(properties = "lineage.graphql.lineage-max-nodes=4")
class LineageBudgetTest extends GraphQlTest {

    @Test
    void aFullGraphStopsTheWalk() {
        loadExample();
        var request = graphQl.documentName("lineage").variable("ref", "data/beta");
        LineageResult r = LineageResult.of(request.execute());
        // upstream fills the four places; JR-789 downstream is the neighbour that did not fit
        assertThat(r.nodes()).containsExactly(
                "0 data/beta LIVE hasMore=1",
                "-1 JR-457 SUCCEEDED hasMore=0",
                "-1 data/alpha LIVE hasMore=0",
                "-2 JR-300 SUCCEEDED hasMore=0");
        assertThat(r.edges()).containsExactly("JR-457 -> data/beta", "data/alpha -> JR-457", "JR-300 -> data/alpha");
        assertThat(r.depthCounts()).containsExactly("-2:1/0", "-1:2/0", "0:1/1");
        assertThat(r.truncated()).isTrue();
    }
}
