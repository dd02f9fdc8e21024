package dev.databuild.lineage.bench;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Dotted paths into a GraphQL answer ({@code a.b[].c}: [] walks every element of an array). */
final class JsonPaths {

    private JsonPaths() {
    }

    static List<JsonNode> select(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String name = each ? segment.substring(0, segment.length() - 2) : segment;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                JsonNode child = node.get(name);
                if (child == null || child.isNull()) {
                    continue;
                }
                if (each) {
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            current = next;
        }
        return current;
    }

    /** Every totalCount anywhere in the answer. */
    static List<Long> totals(JsonNode root) {
        List<Long> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode node, List<Long> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("totalCount") && e.getValue().isNumber()) {
                    out.add(e.getValue().asLong());
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }

    /** The first path where two answers differ, or null when they are equal. */
    static String firstDifference(JsonNode a, JsonNode b, String at) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            for (var e : a.properties()) {
                JsonNode other = b.get(e.getKey());
                if (other == null) {
                    return at + "." + e.getKey() + " missing on one side";
                }
                String d = firstDifference(e.getValue(), other, at + "." + e.getKey());
                if (d != null) {
                    return d;
                }
            }
            return at + ": different field sets";
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = firstDifference(a.get(i), b.get(i), at + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return at + ": " + a.size() + " vs " + b.size() + " elements";
        }
        return at + ": " + a + " vs " + b;
    }
}
