package dev.databuild.lineage.lineage;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.partition.InstanceLinkQueries;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.PageArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One breadth-first walk from a focus instance. A hop is at most two statements for the whole
 * frontier, never one per node: upstream, what the frontier's builders read for it, each input with
 * its own builder (only the focus's builder is read on its own); downstream, the runs that read the
 * frontier then what they built from it. Depth counts run hops: a run and
 * the instances it read (or wrote) share a depth.
 */
final class LineageWalk {

    private final LineageQueries queries;
    private final InstanceLinkQueries links;
    private final int perNodeLimit;
    private final GraphBuilder graph;
    /** The runs that built the instances found so far: a hop up reads them with the instances. */
    private final Map<String, JobRun> builders = new HashMap<>();

    LineageWalk(LineageQueries queries, InstanceLinkQueries links, int perNodeLimit, int maxNodes) {
        this.queries = queries;
        this.links = links;
        this.perNodeLimit = perNodeLimit;
        this.graph = new GraphBuilder(maxNodes);
    }

    LineageGraph walk(PartitionInstance focus, LineageRequest request) {
        graph.add(focus, 0);
        if (request.upstream()) {
            List<PartitionInstance> frontier = List.of(focus);
            for (int d = 1; d <= request.depth() && !frontier.isEmpty() && !graph.budgetHit(); d++) {
                frontier = upstreamHop(frontier, -d);
            }
            // every instance has a builder: the last hop's inputs were stopped by the depth limit
            for (PartitionInstance stopped : graph.budgetHit() ? List.<PartitionInstance>of() : frontier) {
                String builder = GlobalId.of(JobRun.TYPE, stopped.jobRunId());
                if (graph.has(builder)) {
                    graph.edge(builder, stopped.id());
                } else {
                    graph.node(stopped.id()).depthLimited = true;
                }
            }
        }
        if (request.downstream() && !graph.budgetHit()) {
            List<PartitionInstance> frontier = List.of(focus);
            for (int d = 1; d <= request.depth() && !frontier.isEmpty() && !graph.budgetHit(); d++) {
                frontier = downstreamHop(frontier, d);
            }
            for (PartitionInstance stopped : graph.budgetHit() ? List.<PartitionInstance>of() : frontier) {
                graph.node(stopped.id()).depthLimited |= stopped.consumerCount() > 0;
            }
        }
        return graph.build(focus, request);
    }

    private List<PartitionInstance> upstreamHop(List<PartitionInstance> frontier, int depth) {
        Map<String, Set<UUID>> outputsByRun = new LinkedHashMap<>();
        for (PartitionInstance out : frontier) {
            String runId = GlobalId.of(JobRun.TYPE, out.jobRunId());
            if (graph.has(runId)) {
                graph.edge(runId, out.id());
            } else {
                outputsByRun.computeIfAbsent(out.jobRunId(), k -> new LinkedHashSet<>()).add(out.uuid());
            }
        }
        if (outputsByRun.isEmpty()) {
            return List.of();
        }
        Map<String, Set<UUID>> added = new LinkedHashMap<>();
        List<String> unknown = outputsByRun.keySet().stream().filter(id -> !builders.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            builders.putAll(queries.runs(unknown));
        }
        outputsByRun.forEach((runId, outputs) -> {
            JobRun run = builders.get(runId);
            if (graph.add(run, depth)) {
                outputs.forEach(o -> graph.edge(run.id(), GlobalId.of(PartitionInstance.TYPE, o.toString())));
                added.put(runId, outputs);
            } else {
                outputs.forEach(o -> graph.node(GlobalId.of(PartitionInstance.TYPE, o.toString())).hasMore++);
            }
        });
        List<PartitionInstance> next = new ArrayList<>();
        Map<String, LineageQueries.Slice> inputs = added.isEmpty() ? Map.of() : queries.inputs(added, perNodeLimit);
        inputs.values().forEach(slice -> builders.putAll(slice.builders()));
        added.keySet().forEach(runId -> attach(runId, inputs, depth, true, next));
        return next;
    }

    private List<PartitionInstance> downstreamHop(List<PartitionInstance> frontier, int depth) {
        List<PartitionInstance> read = frontier.stream().filter(i -> i.consumerCount() > 0).toList();
        if (read.isEmpty()) {
            return List.of();
        }
        Map<PartitionInstance, Connection<JobRun>> consumers = links.consumers(read, new PageArgs(perNodeLimit, null));
        Map<String, Set<UUID>> inputsByRun = new LinkedHashMap<>();
        for (PartitionInstance in : read) {
            Connection<JobRun> page = consumers.get(in);
            int shown = 0;
            for (JobRun run : page.nodes()) {
                if (inputsByRun.containsKey(run.jobRunId())) {
                    inputsByRun.get(run.jobRunId()).add(in.uuid());
                } else if (!graph.has(run.id())) {
                    if (!graph.add(run, depth)) {
                        continue;
                    }
                    inputsByRun.put(run.jobRunId(), new LinkedHashSet<>(List.of(in.uuid())));
                }
                graph.edge(in.id(), run.id());
                shown++;
            }
            graph.node(in.id()).hasMore += page.totalCount() - shown;
        }
        List<PartitionInstance> next = new ArrayList<>();
        Map<String, LineageQueries.Slice> outputs = inputsByRun.isEmpty() ? Map.of() : queries.outputs(inputsByRun, perNodeLimit);
        inputsByRun.keySet().forEach(runId -> attach(runId, outputs, depth, false, next));
        return next;
    }

    /**
     * Links a run to its slice of instances (what it read, or what it wrote), adding those new to
     * the graph at the run's depth; what the slice or the budget left out is the run's hasMore.
     */
    private void attach(String runId, Map<String, LineageQueries.Slice> slices, int depth, boolean read,
                        List<PartitionInstance> next) {
        GraphBuilder.Node run = graph.node(GlobalId.of(JobRun.TYPE, runId));
        LineageQueries.Slice slice = slices.getOrDefault(runId, LineageQueries.Slice.EMPTY);
        int shown = 0;
        for (PartitionInstance instance : slice.rows()) {
            if (!graph.has(instance.id())) {
                if (!graph.add(instance, depth)) {
                    continue;
                }
                next.add(instance);
            }
            graph.edge(read ? instance.id() : run.id, read ? run.id : instance.id());
            shown++;
        }
        run.hasMore += slice.total() - shown;
    }
}
