package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** JobRun's data flow: what it read and wrote, what it missed, the runs up- and downstream. */
@Controller
@SchemaMapping(typeName = "JobRun")
class JobRunDataController {

    private final int maxPageSize;

    JobRunDataController(GraphQlLimits limits) {
        this.maxPageSize = limits.maxPageSize();
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> read(JobRun run, DataFetchingEnvironment env) {
        return CursorKey.REF_AND_UUID.page(env, JobRunLoaders.READ, run.jobRunId(), maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> wrote(JobRun run, DataFetchingEnvironment env) {
        return CursorKey.REF.page(env, JobRunLoaders.WROTE, run.jobRunId(), maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<List<MissingDep>> missingDeps(JobRun run, DataFetchingEnvironment env) {
        return Loaders.load(env, JobRunLoaders.MISSING_DEPS, run.jobRunId());
    }

    @SchemaMapping
    CompletableFuture<Connection<JobRun>> upstream(JobRun run, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, JobRunLoaders.UPSTREAM, run.jobRunId(), maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<JobRun>> downstream(JobRun run, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, JobRunLoaders.DOWNSTREAM, run.jobRunId(), maxPageSize);
    }
}
