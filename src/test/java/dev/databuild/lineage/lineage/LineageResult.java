package dev.databuild.lineage.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** A lineage response in a form tests can compare exactly: one line per node, edge and depth. */
record LineageResult(List<String> nodes, List<String> edges, List<String> depthCounts, boolean truncated,
                     List<Map<String, Object>> rawNodes) {

    /** Nodes as "depth label status hasMore=n [limited]", edges as "from -> to" by label. */
    @SuppressWarnings("unchecked")
    static LineageResult of(GraphQlTester.Response response) {
        response.errors().verify();
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) (List<?>) response.path("lineage.nodes").entityList(Map.class).get();
        Map<String, String> labels = new HashMap<>();
        nodes.forEach(n -> labels.put((String) n.get("id"), (String) n.get("label")));
        List<String> nodeLines = nodes.stream().map(n -> n.get("depth") + " " + n.get("label") + " " + n.get("status")
                + " hasMore=" + n.get("hasMore") + (Boolean.TRUE.equals(n.get("depthLimited")) ? " limited" : "")).toList();
        List<String> edges = response.path("lineage.edges").entityList(Map.class).get().stream()
                .map(e -> labels.get((String) e.get("from")) + " -> " + labels.get((String) e.get("to"))).toList();
        List<String> depths = response.path("lineage.depthCounts").entityList(Map.class).get().stream()
                .map(d -> d.get("depth") + ":" + d.get("nodes") + "/" + d.get("leftOut")).toList();
        boolean truncated = response.path("lineage.truncated").entity(Boolean.class).get();
        return new LineageResult(nodeLines, edges, depths, truncated, nodes);
    }
}
