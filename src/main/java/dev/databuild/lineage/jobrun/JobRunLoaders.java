package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.NodeFetcher;
import java.util.Collection;
import java.util.Map;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** Job runs by id, for every field in any feature that points at a run. */
@Component
public class JobRunLoaders implements NodeFetcher {

    public static final String BY_ID = "jobRunById";

    private final JobRunQueries queries;

    JobRunLoaders(BatchLoaderRegistry registry, JobRunQueries queries) {
        this.queries = queries;
        Loaders.byKey(registry, BY_ID, queries::byIds);
    }

    @Override
    public String type() {
        return JobRun.TYPE;
    }

    @Override
    public Map<String, Object> fetch(Collection<String> keys) {
        return Map.copyOf(queries.byIds(keys));
    }
}
