package dev.databuild.lineage.want;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.JobRunLoaders;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.EventSource;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.StatusHistory;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
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
    List<WantStatusChange> statusHistory(Want want) {
        return StatusHistory.parse(want.packedHistory(), WantStatusChange::new);
    }

    @SchemaMapping
    EventSource source(Want want) {
        return new EventSource(want.sourceKind(), want.sourceUser(), want.triggeredByRunId());
    }

    @SchemaMapping
    CompletableFuture<JobRun> triggeredBy(Want want, DataFetchingEnvironment env) {
        return JobRunLoaders.byId(env, want.triggeredByRunId());
    }

    @SchemaMapping
    WantCancellation canceled(Want want) {
        return WantCancellation.of(want);
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> partitions(Want want, @Argument Integer first, @Argument String after,
                                                                DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID_AND_UUID.page(env, WantLoaders.INSTANCES, want.wantId(), first, after, maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<JobRun>> jobRuns(Want want, @Argument Integer first, @Argument String after,
                                                  @Argument Integer last, @Argument String before,
                                                  DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, JobRunLoaders.FOR_WANT, want.wantId(), first, after, last, before, maxPageSize);
    }

    @SchemaMapping
    CompletableFuture<Connection<Want>> derivativeWants(Want want, @Argument Integer first, @Argument String after,
                                                        DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, WantLoaders.DERIVED_FROM_WANT, want.wantId(), first, after, maxPageSize);
    }
}
