package dev.databuild.lineage.want;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.JobRunLoaders;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The fields of Want that are not plain columns: every relation goes through a loader. */
@Controller
@SchemaMapping(typeName = "Want")
class WantController {

    private final int maxPageSize;

    WantController(GraphQlLimits limits) {
        this.maxPageSize = limits.maxPageSize();
    }

    @SchemaMapping
    CompletableFuture<List<String>> partitionRefs(Want want, DataFetchingEnvironment env) {
        return Loaders.load(env, WantLoaders.PARTITION_REFS, want.wantId());
    }

    @SchemaMapping
    CompletableFuture<JobRun> triggeredBy(Want want, DataFetchingEnvironment env) {
        return JobRunLoaders.byId(env, want.triggeredByRunId());
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> partitions(Want want, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID_AND_UUID.page(env, WantLoaders.INSTANCES, want.wantId(), maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<JobRun>> jobRuns(Want want, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, JobRunLoaders.FOR_WANT, want.wantId(), maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<Want>> derivativeWants(Want want, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, WantLoaders.DERIVED_FROM_WANT, want.wantId(), maxPageSize);
    }
}
