package dev.databuild.lineage.want;

import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.NodeFetcher;
import java.util.Collection;
import java.util.Map;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** Wants by id, for every field in any feature that points at a want. */
@Component
public class WantLoaders implements NodeFetcher {

    public static final String BY_ID = "wantById";

    private final WantQueries queries;

    WantLoaders(BatchLoaderRegistry registry, WantQueries queries) {
        this.queries = queries;
        Loaders.byKey(registry, BY_ID, queries::byIds);
    }

    @Override
    public String type() {
        return Want.TYPE;
    }

    @Override
    public Map<String, Object> fetch(Collection<String> keys) {
        return Map.copyOf(queries.byIds(keys));
    }
}
