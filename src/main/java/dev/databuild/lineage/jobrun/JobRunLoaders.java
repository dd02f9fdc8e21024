package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.NodeFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** Job runs by id, for every field in any feature that points at a run, and the run relations. */
@Component
public class JobRunLoaders implements NodeFetcher {

    public static final String BY_ID = "jobRunById";
    /** Want.jobRuns: pages of runs keyed by want id. */
    public static final String FOR_WANT = "jobRunsForWant";
    /** Keyed by attempt_root_id, so every run of a chain shares one key. */
    static final String CHAIN = "jobRunChain";
    static final String MISSING_DEPS = "jobRunMissingDeps";
    static final String UPSTREAM = "jobRunUpstream";
    static final String DOWNSTREAM = "jobRunDownstream";
    static final String READ = "jobRunRead";
    static final String WROTE = "jobRunWrote";

    private final JobRunQueries queries;

    JobRunLoaders(BatchLoaderRegistry registry, JobRunQueries queries, JobRunPages pages, RunInstances instances) {
        this.queries = queries;
        Loaders.byKey(registry, BY_ID, queries::byIds);
        Loaders.byKey(registry, CHAIN, queries::chains);
        Loaders.byKey(registry, MISSING_DEPS, queries::missingDeps);
        Loaders.pages(registry, FOR_WANT, pages::forWants);
        Loaders.pages(registry, UPSTREAM, pages::upstream);
        Loaders.pages(registry, DOWNSTREAM, pages::downstream);
        Loaders.pages(registry, READ, instances::read);
        Loaders.pages(registry, WROTE, instances::wrote);
    }

    /**
     * The run a parent's row names: looked up in batches, or not at all when the field asks only for
     * its identity (the row already holds the id, and names only runs that exist).
     */
    public static CompletableFuture<JobRun> byId(DataFetchingEnvironment env, String jobRunId) {
        if (jobRunId == null) {
            return CompletableFuture.completedFuture(null);
        }
        return asksOnlyIdentity(env) ? CompletableFuture.completedFuture(JobRun.reference(jobRunId))
                : Loaders.load(env, BY_ID, jobRunId);
    }

    /** Whether a field returning a run selects nothing but its id ({@link Loaders#asksOnlyIdentity}). */
    static boolean asksOnlyIdentity(DataFetchingEnvironment env) {
        return Loaders.asksOnlyIdentity(env, "jobRunId");
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
