package dev.databuild.lineage.lineage;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.partition.PartitionInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The nodes and edges a walk has kept, keyed by global id so diamonds share nodes and edges are
 * never repeated, and the node budget that stops a walk before it exhausts the server.
 */
final class GraphBuilder {

    static final class Node {
        final String id;
        final int depth;
        final PartitionInstance instance;
        final JobRun run;
        int hasMore;
        boolean depthLimited;

        private Node(String id, int depth, PartitionInstance instance, JobRun run) {
            this.id = id;
            this.depth = depth;
            this.instance = instance;
            this.run = run;
        }
    }

    private final int maxNodes;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<LineageGraph.Edge> edges = new LinkedHashSet<>();
    private boolean budgetHit;

    GraphBuilder(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    /** False, and the budget is spent, when the graph is full. */
    boolean add(PartitionInstance instance, int depth) {
        return add(new Node(instance.id(), depth, instance, null));
    }

    boolean add(JobRun run, int depth) {
        return add(new Node(run.id(), depth, null, run));
    }

    private boolean add(Node node) {
        if (nodes.size() >= maxNodes) {
            budgetHit = true;
            return false;
        }
        nodes.put(node.id, node);
        return true;
    }

    boolean has(String id) {
        return nodes.containsKey(id);
    }

    Node node(String id) {
        return nodes.get(id);
    }

    void edge(String from, String to) {
        edges.add(new LineageGraph.Edge(from, to));
    }

    boolean budgetHit() {
        return budgetHit;
    }

    LineageGraph build(PartitionInstance focus, LineageRequest request) {
        List<LineageNode> out = new ArrayList<>();
        Map<Integer, int[]> perDepth = new TreeMap<>();
        boolean truncated = budgetHit;
        for (Node n : nodes.values()) {
            out.add(n.instance != null
                    ? new LineageNode(n.id, LineageNode.INSTANCE, n.depth, n.instance.ref(), n.instance.status(), n.instance, null,
                    n.hasMore, n.depthLimited)
                    : new LineageNode(n.id, LineageNode.JOB_RUN, n.depth, n.run.jobRunId(), n.run.status(), null, n.run,
                    n.hasMore, n.depthLimited));
            int[] counts = perDepth.computeIfAbsent(n.depth, d -> new int[2]);
            counts[0]++;
            counts[1] += n.hasMore;
            truncated |= n.hasMore > 0 || n.depthLimited;
        }
        List<LineageGraph.DepthCount> depthCounts = new ArrayList<>();
        perDepth.forEach((d, c) -> depthCounts.add(new LineageGraph.DepthCount(d, c[0], c[1])));
        return new LineageGraph(focus, request.direction(), request.depth(), request.perNodeLimit(), out, List.copyOf(edges),
                truncated, depthCounts);
    }
}
