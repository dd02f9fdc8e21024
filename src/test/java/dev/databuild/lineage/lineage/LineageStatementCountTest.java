package dev.databuild.lineage.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.partition.Bel;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.GraphQlTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lineage walk's statements grow with its depth, never with how many nodes it finds. */
class LineageStatementCountTest extends GraphQlTest {

    static final int WIDTH = 20;

    /** n/0 <- n/1 <- ... <- n/6: run c/k builds n/k from n/(k-1). */
    private static List<DataBuildEvent> chain() {
        List<DataBuildEvent> events = new ArrayList<>(Bel.build("c/0", "n/0"));
        for (int k = 1; k <= 6; k++) {
            events.addAll(Bel.build("c/" + k, "n/" + k, "n/" + (k - 1)));
        }
        return events;
    }

    /**
     * w is built from WIDTH inputs a/i, each built from b/i; w is read by WIDTH runs d/i building x/i,
     * each read by e/i building y/i. Two hops either way, every level WIDTH wide.
     */
    private static List<DataBuildEvent> wide() {
        List<DataBuildEvent> events = new ArrayList<>();
        String[] inputs = new String[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            events.addAll(Bel.build("bb/" + i, "b/" + i));
            events.addAll(Bel.build("ab/" + i, "a/" + i, "b/" + i));
            inputs[i] = "a/" + i;
        }
        events.addAll(Bel.build("wb", "w", inputs));
        for (int i = 0; i < WIDTH; i++) {
            events.addAll(Bel.build("d/" + i, "x/" + i, "w"));
            events.addAll(Bel.build("e/" + i, "y/" + i, "x/" + i));
        }
        return events;
    }

    private long walk(String ref, int depth, int expectedNodes) {
        return statementsDuring(() -> {
            var request = graphQl.documentName("lineage");
            Map.<String, Object>of("ref", ref, "depth", depth).forEach(request::variable);
            request.execute().errors().verify().path("lineage.nodes").entityList(Map.class).hasSize(expectedNodes);
        });
    }

    @Test
    void statementsFollowDepthNotNodeCount() {
        load(chain());
        load(wide());
        long narrow = walk("n/3", 2, 9);
        long wideGraph = walk("w", 2, 1 + (1 + WIDTH) + 2 * WIDTH + 4 * WIDTH);
        long depth1 = walk("n/3", 1, 5);
        long depth3 = walk("n/3", 3, 13);
        System.out.printf("statements: lineage depth 2 narrow (9 nodes) %d, wide (%d nodes) %d; chain depth 1 %d, 2 %d, 3 %d%n",
                narrow, 2 + 7 * WIDTH, wideGraph, depth1, narrow, depth3);
        assertThat(wideGraph).isEqualTo(narrow);
        // the focus and its builder, then one statement per hop up (each input comes with its
        // builder) and two per hop down (the readers, then what they built)
        assertThat(List.of(depth1, narrow, depth3)).containsExactly(5L, 8L, 11L);
    }
}
