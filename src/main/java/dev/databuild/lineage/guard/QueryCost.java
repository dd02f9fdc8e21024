package dev.databuild.lineage.guard;

import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.PageArgs;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collection;
import java.util.Set;

/**
 * What an operation could cost, measured on graphql-java's normalized operation (fragments expanded,
 * variables and argument defaults applied) before anything executes.
 *
 * <p>Complexity counts the objects a response can hold: every object-typed field resolved counts 1
 * per parent object (scalars and enums are free); the {@code edges}/{@code nodes} of a connection
 * are resolved {@code first} (or {@code last}) times (the default page size when absent); the {@code nodes}/{@code
 * edges} of a lineage graph {@link #lineageNodes as many times as the graph can have nodes};
 * {@code Query.nodes} once per id. Other lists (status histories, a run's attempts, missing deps)
 * are short by construction and count once. Arithmetic saturates, so no query overflows to cheap.
 * Introspection ({@code __schema}, {@code __type}) is priced by graphql-java's own good-faith
 * introspection checks, not here.
 */
record QueryCost(int depth, long complexity, int aliases, int rootFields) {

    private static final Set<String> PAGE_ITEMS = Set.of("edges", "nodes");

    static QueryCost of(ExecutableNormalizedOperation operation, GraphQLSchema schema, GraphQlLimits limits) {
        Pricing pricing = new Pricing(schema, Math.min(PageArgs.DEFAULT_FIRST, limits.maxPageSize()), limits.lineageMaxNodes());
        Collection<ExecutableNormalizedField> roots = operation.getTopLevelFields();
        int depth = 0;
        long complexity = 0;
        int[] aliases = {0};
        for (ExecutableNormalizedField root : roots) {
            depth = Math.max(depth, pricing.depth(root));
            complexity = add(complexity, pricing.cost(root, pricing.rootTimes(root)));
            root.traverseSubTree(f -> aliases[0] += f.getAlias() == null ? 0 : 1);
            aliases[0] += root.getAlias() == null ? 0 : 1;
        }
        return new QueryCost(depth, complexity, aliases[0], roots.size());
    }

    private record Pricing(GraphQLSchema schema, int defaultFirst, long lineageMaxNodes) {

        int depth(ExecutableNormalizedField field) {
            if (isIntrospection(field)) {
                return 0;
            }
            int below = 0;
            for (ExecutableNormalizedField child : field.getChildren()) {
                below = Math.max(below, depth(child));
            }
            return 1 + below;
        }

        /** The cost of {@code field} resolved {@code times} times: itself and what it selects. */
        long cost(ExecutableNormalizedField field, long times) {
            if (isIntrospection(field) || !field.hasChildren()) {
                return 0;
            }
            long each = 1;
            for (ExecutableNormalizedField child : field.getChildren()) {
                each = add(each, cost(child, timesWithin(field, child)));
            }
            return multiply(times, each);
        }

        long rootTimes(ExecutableNormalizedField root) {
            Object ids = root.getResolvedArguments().get("ids");
            return "nodes".equals(root.getFieldName()) && ids instanceof Collection<?> c ? c.size() : 1;
        }

        /** How many times {@code child} resolves for one object of {@code parent}. */
        private long timesWithin(ExecutableNormalizedField parent, ExecutableNormalizedField child) {
            if (!PAGE_ITEMS.contains(child.getFieldName())) {
                return 1;
            }
            String type = typeName(parent);
            if (type.endsWith("Connection")) {
                return pageSize(parent);
            }
            return "LineageGraph".equals(type) ? lineageNodes(parent) : 1;
        }

        /**
         * A page is {@code first} or {@code last} items (the default page size when neither is given);
         * both at once is refused when the field resolves, so pricing takes the larger.
         */
        private long pageSize(ExecutableNormalizedField connection) {
            Object first = connection.getResolvedArguments().get("first");
            Object last = connection.getResolvedArguments().get("last");
            if (!(first instanceof Number) && !(last instanceof Number)) {
                return defaultFirst;
            }
            long f = first instanceof Number n ? n.longValue() : 0;
            long l = last instanceof Number n ? n.longValue() : 0;
            return Math.max(0, Math.max(f, l));
        }

        /**
         * A lineage walk alternates instances and runs; every node lists up to perNodeLimit
         * neighbours, so each job-run hop can multiply the frontier by perNodeLimit twice, in one
         * direction or both. The lineage resolver stops at its node budget, so the estimate does too.
         */
        private long lineageNodes(ExecutableNormalizedField lineage) {
            long hops = Math.max(0, intArgument(lineage, "depth", 3));
            long perNode = Math.max(0, intArgument(lineage, "perNodeLimit", 25));
            long directions = "BOTH".equals(String.valueOf(lineage.getResolvedArguments().get("direction"))) ? 2 : 1;
            long reachable = 0;
            long frontier = 1;
            for (long step = 0; step < 2 * hops && reachable < lineageMaxNodes; step++) {
                frontier = multiply(frontier, perNode);
                reachable = add(reachable, frontier);
            }
            return Math.min(lineageMaxNodes, add(1, multiply(directions, reachable)));
        }

        private static long intArgument(ExecutableNormalizedField field, String name, int fallback) {
            return field.getResolvedArguments().get(name) instanceof Number n ? n.longValue() : fallback;
        }

        private String typeName(ExecutableNormalizedField field) {
            return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType(schema))).getName();
        }

        private static boolean isIntrospection(ExecutableNormalizedField field) {
            return field.getFieldName().startsWith("__");
        }
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long multiply(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
