package dev.databuild.lineage.lineage;

import dev.databuild.lineage.partition.PartitionInstance;
import java.util.List;

/** The flat graph Query.lineage returns: every node and edge the walk kept, and what it left out. */
public record LineageGraph(PartitionInstance focus, String direction, int depth, int perNodeLimit, List<LineageNode> nodes,
                           List<Edge> edges, boolean truncated, List<DepthCount> depthCounts) {

    /** Data flows from {@code from} to {@code to}; both are global ids. */
    public record Edge(String from, String to) {
    }

    public record DepthCount(int depth, int nodes, int leftOut) {
    }
}
