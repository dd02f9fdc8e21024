package dev.databuild.lineage.want;

import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.NodeFetcher;
import java.util.Collection;
import java.util.Map;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** Wants by id, for every field in any feature that points at a want, and the want relations. */
@Component
public class WantLoaders implements NodeFetcher {

    public static final String BY_ID = "wantById";
    /** JobRun.scheduledFor: pages of wants keyed by job run id. */
    public static final String SCHEDULED_FOR_RUN = "wantsScheduledForRun";
    /** JobRun.derivativeWants: pages of wants keyed by job run id. */
    public static final String DERIVED_FROM_RUN = "wantsDerivedFromRun";
    static final String DERIVED_FROM_WANT = "wantsDerivedFromWant";
    static final String PARTITION_REFS = "wantPartitionRefs";
    static final String INSTANCES = "wantInstances";

    private final WantQueries queries;

    WantLoaders(BatchLoaderRegistry registry, WantQueries queries, WantPages pages, WantInstances instances) {
        this.queries = queries;
        Loaders.byKey(registry, BY_ID, queries::byIds);
        Loaders.byKey(registry, PARTITION_REFS, queries::partitionRefs);
        Loaders.pages(registry, SCHEDULED_FOR_RUN, pages::scheduledFor);
        Loaders.pages(registry, DERIVED_FROM_RUN, pages::derivedFromRun);
        Loaders.pages(registry, DERIVED_FROM_WANT, pages::derivedFromWants);
        Loaders.pages(registry, INSTANCES, instances::builtFor);
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
