package dev.databuild.lineage.jobrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Walks a connection page by page with first/after and checks every page's pageInfo, cursors and
 * totalCount on the way; the walk ends with one request past the last cursor.
 */
public final class PageWalk {

    private PageWalk() {
    }

    /**
     * @param request  the operation, given first and after
     * @param path     where the connection is in the response
     * @param key      the node field to collect
     * @return the keys of all nodes, in the order the pages returned them
     */
    @SuppressWarnings("unchecked")
    public static List<Object> walk(java.util.function.BiFunction<Integer, String, GraphQlTester.Request<?>> request,
                                    String path, String key, int first, int expectedTotal) {
        List<Object> keys = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> conn = request.apply(first, after).execute().path(path).entity(Map.class).get();
            Map<String, Object> info = (Map<String, Object>) conn.get("pageInfo");
            List<Map<String, Object>> edges = (List<Map<String, Object>>) conn.get("edges");
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) conn.get("nodes");
            assertThat(conn.get("totalCount")).as("totalCount after %s", after).isEqualTo(expectedTotal);
            assertThat(info.get("hasPreviousPage")).isEqualTo(after != null);
            assertThat(edges).hasSameSizeAs(nodes).hasSizeLessThanOrEqualTo(first);
            for (int i = 0; i < edges.size(); i++) {
                assertThat(((Map<String, Object>) edges.get(i).get("node")).get(key)).isEqualTo(nodes.get(i).get(key));
            }
            if (edges.isEmpty()) {
                assertThat(after != null || expectedTotal == 0).as("only the request past the end may be empty").isTrue();
                assertThat(info.get("hasNextPage")).isEqualTo(false);
                assertThat(info.get("startCursor")).isNull();
                assertThat(info.get("endCursor")).isNull();
                return keys;
            }
            assertThat(info.get("startCursor")).isEqualTo(edges.get(0).get("cursor"));
            assertThat(info.get("endCursor")).isEqualTo(edges.get(edges.size() - 1).get("cursor"));
            nodes.forEach(n -> keys.add(n.get(key)));
            boolean hasNext = (Boolean) info.get("hasNextPage");
            assertThat(hasNext).as("hasNextPage after %s", keys).isEqualTo(keys.size() < expectedTotal);
            assertThat(edges).as("a page before the last is full").hasSize(hasNext ? first : edges.size());
            after = (String) info.get("endCursor");
        }
    }
}
