package dev.databuild.lineage.support;

import java.util.List;
import java.util.function.Function;

/** A Relay connection: one page of edges, where it stands, and how many there are in all. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public static <T> Connection<T> empty() {
        return new Connection<>(List.of(), new PageInfo(false, false, null, null), 0);
    }

    /**
     * Builds a page from rows fetched with one extra row beyond {@code first}: that extra row only
     * says there is a next page.
     */
    public static <T> Connection<T> of(List<T> rowsPlusOne, PageArgs page, Function<T, String> cursor, int totalCount) {
        boolean hasNext = rowsPlusOne.size() > page.first();
        List<T> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
        List<Edge<T>> edges = rows.stream().map(r -> new Edge<>(cursor.apply(r), r)).toList();
        PageInfo info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }
}
