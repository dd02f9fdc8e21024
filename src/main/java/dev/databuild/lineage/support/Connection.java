package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.Collections;
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
     * Builds a page from rows fetched in reading order with one extra row beyond the page size: that
     * extra row only says more follow. A backward page was read from its end (reversed ORDER BY), so
     * its rows are turned back into the connection's order here.
     */
    public static <T> Connection<T> of(List<T> rowsPlusOne, PageArgs page, Function<T, String> cursor, int totalCount) {
        boolean more = rowsPlusOne.size() > page.size();
        List<T> rows = more ? rowsPlusOne.subList(0, page.size()) : rowsPlusOne;
        if (page.backward()) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        List<Edge<T>> edges = rows.stream().map(r -> new Edge<>(cursor.apply(r), r)).toList();
        // past a cursor, items exist on its side: the page started from it
        boolean fromCursor = page.cursor() != null;
        PageInfo info = new PageInfo(page.backward() ? fromCursor : more, page.backward() ? more : fromCursor,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }
}
