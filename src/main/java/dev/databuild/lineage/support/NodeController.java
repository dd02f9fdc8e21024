package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Relay's Query.node and Query.nodes over every feature's {@link NodeFetcher}. */
@Controller
class NodeController {

    private final Map<String, NodeFetcher> fetchers;

    NodeController(List<NodeFetcher> fetchers) {
        this.fetchers = fetchers.stream().collect(Collectors.toMap(NodeFetcher::type, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id) {
        Object found = nodes(List.of(id)).get(0);
        if (found == null) {
            throw ApiException.notFound("node " + id);
        }
        return found;
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids) {
        Map<String, List<GlobalId>> byType = new LinkedHashMap<>();
        List<GlobalId> parsed = new ArrayList<>();
        for (String id : ids) {
            GlobalId g = GlobalId.parse("id", id);
            if (!fetchers.containsKey(g.type())) {
                throw ApiException.badArgument("id", "'" + id + "' is not a global id returned by this API");
            }
            parsed.add(g);
            byType.computeIfAbsent(g.type(), t -> new ArrayList<>()).add(g);
        }
        Map<GlobalId, Object> found = new LinkedHashMap<>();
        byType.forEach((type, gids) -> {
            Map<String, Object> loaded = fetchers.get(type).fetch(gids.stream().map(GlobalId::key).toList());
            gids.forEach(g -> found.put(g, loaded.get(g.key())));
        });
        List<Object> out = new ArrayList<>();
        parsed.forEach(g -> out.add(found.get(g)));
        return out;
    }
}
