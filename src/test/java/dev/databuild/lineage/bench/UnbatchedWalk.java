package dev.databuild.lineage.bench;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.lineage.LineageGraph;
import dev.databuild.lineage.lineage.LineageNode;
import dev.databuild.lineage.partition.Pages;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.GlobalId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One lineage walk of the unbatched server: the service's LineageWalk and GraphBuilder (same order,
 * limits, node budget and bookkeeping, so the same answer), but each run, each run's neighbour slice
 * and each instance's consumer page is its own statement, node by node, hop by hop.
 */
final class UnbatchedWalk {

    private static final dev.databuild.lineage.db.tables.PartitionInstance PI = PARTITION_INSTANCE;

    private final DSLContext db;
    private final Unbatched u;
    private final UnbatchedInstances instances;
    private final int maxNodes;
    private final int limit;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<LineageGraph.Edge> edges = new LinkedHashSet<>();
    private boolean budgetHit;

    UnbatchedWalk(DSLContext db, Unbatched u, UnbatchedInstances instances, int limit, int maxNodes) {
        this.db = db;
        this.u = u;
        this.instances = instances;
        this.limit = limit;
        this.maxNodes = maxNodes;
    }

    LineageGraph run(PartitionInstance focus, String direction, int depth) {
        add(focus.id(), 0, focus, null);
        if (!"DOWNSTREAM".equals(direction)) {
            List<PartitionInstance> frontier = List.of(focus);
            for (int d = 1; d <= depth && !frontier.isEmpty() && !budgetHit; d++) {
                frontier = upstreamHop(frontier, -d);
            }
            for (PartitionInstance stopped : budgetHit ? List.<PartitionInstance>of() : frontier) {
                String builder = GlobalId.of(JobRun.TYPE, stopped.jobRunId());
                if (nodes.containsKey(builder)) {
                    edges.add(new LineageGraph.Edge(builder, stopped.id()));
                } else {
                    nodes.get(stopped.id()).depthLimited = true;
                }
            }
        }
        if (!"UPSTREAM".equals(direction) && !budgetHit) {
            List<PartitionInstance> frontier = List.of(focus);
            for (int d = 1; d <= depth && !frontier.isEmpty() && !budgetHit; d++) {
                frontier = downstreamHop(frontier, d);
            }
            for (PartitionInstance stopped : budgetHit ? List.<PartitionInstance>of() : frontier) {
                nodes.get(stopped.id()).depthLimited |= stopped.consumerCount() > 0;
            }
        }
        return build(focus, direction, depth);
    }

    private List<PartitionInstance> upstreamHop(List<PartitionInstance> frontier, int depth) {
        Map<String, Set<UUID>> outputsByRun = new LinkedHashMap<>();
        for (PartitionInstance out : frontier) {
            String runId = GlobalId.of(JobRun.TYPE, out.jobRunId());
            if (nodes.containsKey(runId)) {
                edges.add(new LineageGraph.Edge(runId, out.id()));
            } else {
                outputsByRun.computeIfAbsent(out.jobRunId(), k -> new LinkedHashSet<>()).add(out.uuid());
            }
        }
        Map<JobRun, Set<UUID>> added = new LinkedHashMap<>();
        outputsByRun.forEach((runId, outputs) -> {
            JobRun run = u.run(runId);
            if (add(run.id(), depth, null, run)) {
                outputs.forEach(o -> edges.add(new LineageGraph.Edge(run.id(), GlobalId.of(PartitionInstance.TYPE, o.toString()))));
                added.put(run, outputs);
            } else {
                outputs.forEach(o -> nodes.get(GlobalId.of(PartitionInstance.TYPE, o.toString())).hasMore++);
            }
        });
        List<PartitionInstance> next = new ArrayList<>();
        added.forEach((run, outputs) ->
                attach(run, slice(run.jobRunId(), outputs, READ_DEP.INPUT_UUID, READ_DEP.OUTPUT_UUID), depth, true, next));
        return next;
    }

    private List<PartitionInstance> downstreamHop(List<PartitionInstance> frontier, int depth) {
        Map<String, Set<UUID>> inputsByRun = new LinkedHashMap<>();
        Map<String, JobRun> runs = new LinkedHashMap<>();
        for (PartitionInstance in : frontier) {
            if (in.consumerCount() == 0) {
                continue;
            }
            int shown = 0;
            for (Pages.Hit<JobRun> hit : instances.consumers(in, limit)) {
                JobRun run = hit.node();
                if (inputsByRun.containsKey(run.jobRunId())) {
                    inputsByRun.get(run.jobRunId()).add(in.uuid());
                } else if (!nodes.containsKey(run.id())) {
                    if (!add(run.id(), depth, null, run)) {
                        continue;
                    }
                    inputsByRun.put(run.jobRunId(), new LinkedHashSet<>(List.of(in.uuid())));
                    runs.put(run.jobRunId(), run);
                }
                edges.add(new LineageGraph.Edge(in.id(), run.id()));
                shown++;
            }
            nodes.get(in.id()).hasMore += in.consumerCount() - shown;
        }
        List<PartitionInstance> next = new ArrayList<>();
        inputsByRun.forEach((runId, inputs) ->
                attach(runs.get(runId), slice(runId, inputs, READ_DEP.OUTPUT_UUID, READ_DEP.INPUT_UUID), depth, false, next));
        return next;
    }

    /** One run's neighbours on the {@code wanted} side of its edges from {@code given}: one statement. */
    private Slice slice(String runId, Set<UUID> given, Field<UUID> wanted, Field<UUID> givenSide) {
        var counted = READ_DEP.as("counted");
        Field<Integer> total = DSL.field(DSL.select(DSL.countDistinct(counted.field(wanted))).from(counted)
                .where(counted.JOB_RUN_ID.eq(runId)).and(counted.field(givenSide).in(given))).as("total");
        var rows = db.select(PI.fields()).select(total).from(PI)
                .where(PI.UUID.in(DSL.select(wanted).from(READ_DEP).where(READ_DEP.JOB_RUN_ID.eq(runId)).and(givenSide.in(given))))
                .orderBy(PI.REF, PI.UUID).limit(limit + 1).fetch();
        List<PartitionInstance> found = rows.stream().limit(limit).map(r -> PartitionInstance.from(r.into(PI))).toList();
        return new Slice(found, rows.isEmpty() ? 0 : rows.get(0).get(total));
    }

    private void attach(JobRun run, Slice slice, int depth, boolean read, List<PartitionInstance> next) {
        Node runNode = nodes.get(run.id());
        int shown = 0;
        for (PartitionInstance instance : slice.rows()) {
            if (!nodes.containsKey(instance.id())) {
                if (!add(instance.id(), depth, instance, null)) {
                    continue;
                }
                next.add(instance);
            }
            edges.add(read ? new LineageGraph.Edge(instance.id(), run.id()) : new LineageGraph.Edge(run.id(), instance.id()));
            shown++;
        }
        runNode.hasMore += slice.total() - shown;
    }

    private boolean add(String id, int depth, PartitionInstance instance, JobRun run) {
        if (nodes.size() >= maxNodes) {
            budgetHit = true;
            return false;
        }
        nodes.put(id, new Node(id, depth, instance, run));
        return true;
    }

    private LineageGraph build(PartitionInstance focus, String direction, int depth) {
        List<LineageNode> out = new ArrayList<>();
        Map<Integer, int[]> perDepth = new TreeMap<>();
        boolean truncated = budgetHit;
        for (Node n : nodes.values()) {
            out.add(n.instance != null
                    ? new LineageNode(n.id, "PARTITION_INSTANCE", n.depth, n.instance.ref(), n.instance.status(), n.instance,
                    null, n.hasMore, n.depthLimited)
                    : new LineageNode(n.id, "JOB_RUN", n.depth, n.run.jobRunId(), n.run.status(), null, n.run, n.hasMore,
                    n.depthLimited));
            int[] counts = perDepth.computeIfAbsent(n.depth, d -> new int[2]);
            counts[0]++;
            counts[1] += n.hasMore;
            truncated |= n.hasMore > 0 || n.depthLimited;
        }
        List<LineageGraph.DepthCount> depthCounts = new ArrayList<>();
        perDepth.forEach((d, c) -> depthCounts.add(new LineageGraph.DepthCount(d, c[0], c[1])));
        return new LineageGraph(focus, direction, depth, limit, out, List.copyOf(edges), truncated, depthCounts);
    }

    private record Slice(List<PartitionInstance> rows, int total) {
    }

    private static final class Node {
        final String id;
        final int depth;
        final PartitionInstance instance;
        final JobRun run;
        int hasMore;
        boolean depthLimited;

        Node(String id, int depth, PartitionInstance instance, JobRun run) {
            this.id = id;
            this.depth = depth;
            this.instance = instance;
            this.run = run;
        }
    }
}
