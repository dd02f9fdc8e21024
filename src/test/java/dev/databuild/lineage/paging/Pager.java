package dev.databuild.lineage.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * One connection of backwardPaging.graphql, asked for pages forward (first/after) or backward
 * (last/before). Every page is checked on the way: edges and nodes agree, start and end cursors are
 * the first and last edge's.
 */
record Pager(Request request, String path) {

    @FunctionalInterface
    interface Request {
        GraphQlTester.Request<?> of(Integer first, String after, Integer last, String before);
    }

    record Page(List<Object> keys, List<String> cursors, boolean hasNextPage, boolean hasPreviousPage, int totalCount) {
    }

    Page forward(int first, String after) {
        return page(request.of(first, after, null, null));
    }

    Page backward(Integer last, String before) {
        return page(request.of(null, null, last, before));
    }

    GraphQlTester.Request<?> raw(Integer first, String after, Integer last, String before) {
        return request.of(first, after, last, before);
    }

    /** Every page from the start, following endCursor with after. */
    List<Page> walkForward(int first) {
        List<Page> pages = new ArrayList<>();
        String after = null;
        do {
            Page page = forward(first, after);
            pages.add(page);
            after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
        } while (pages.get(pages.size() - 1).hasNextPage());
        return pages;
    }

    /** Every page from the end, following startCursor with before; in the order they were fetched. */
    List<Page> walkBackward(int last) {
        List<Page> pages = new ArrayList<>();
        String before = null;
        do {
            Page page = backward(last, before);
            pages.add(page);
            before = page.cursors().isEmpty() ? null : page.cursors().get(0);
        } while (pages.get(pages.size() - 1).hasPreviousPage());
        return pages;
    }

    @SuppressWarnings("unchecked")
    private Page page(GraphQlTester.Request<?> req) {
        Map<String, Object> conn = req.execute().errors().verify().path(path).entity(Map.class).get();
        Map<String, Object> info = (Map<String, Object>) conn.get("pageInfo");
        List<Map<String, Object>> edges = (List<Map<String, Object>>) conn.get("edges");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) conn.get("nodes");
        List<Object> keys = nodes.stream().map(n -> n.get("key")).toList();
        List<String> cursors = edges.stream().map(e -> (String) e.get("cursor")).toList();
        assertThat(edges.stream().map(e -> ((Map<String, Object>) e.get("node")).get("key")).toList()).isEqualTo(keys);
        assertThat(info.get("startCursor")).isEqualTo(cursors.isEmpty() ? null : cursors.get(0));
        assertThat(info.get("endCursor")).isEqualTo(cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Page(keys, cursors, (Boolean) info.get("hasNextPage"), (Boolean) info.get("hasPreviousPage"),
                (Integer) conn.get("totalCount"));
    }
}
