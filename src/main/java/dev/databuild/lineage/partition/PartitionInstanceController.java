package dev.databuild.lineage.partition;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.JobRunLoaders;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.PageArgs;
import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The fields of PartitionInstance: what built it, what it read, what read it, whether it is stale. */
@Controller
@SchemaMapping(typeName = "PartitionInstance")
class PartitionInstanceController {

    private final GraphQlLimits limits;

    PartitionInstanceController(GraphQlLimits limits) {
        this.limits = limits;
    }

    @SchemaMapping
    CompletableFuture<Partition> partition(PartitionInstance instance, DataFetchingEnvironment env) {
        return Loaders.load(env, InstanceLoaders.PARTITION_BY_REF, instance.ref());
    }

    @SchemaMapping
    CompletableFuture<JobRun> builtBy(PartitionInstance instance, DataFetchingEnvironment env) {
        return JobRunLoaders.byId(env, instance.jobRunId());
    }

    /**
     * Whether any input is stale. Where the instance also asks for {@code staleInputs}' first page,
     * that page answers it, so the two cost one statement; otherwise a batch reads the flags alone.
     */
    @SchemaMapping
    CompletableFuture<Boolean> isStale(PartitionInstance instance, DataFetchingEnvironment env) {
        if (Loaders.besideFirstPageOf(env, "staleInputs")) {
            return Loaders.<UUID, PartitionInstance>page(env, PartitionLoaders.STALE_INPUTS, instance.uuid(),
                    PageArgs.of(null, null, limits.maxPageSize())).thenApply(page -> !page.edges().isEmpty());
        }
        return Loaders.load(env, PartitionLoaders.IS_STALE, instance.uuid());
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> upstream(PartitionInstance instance, DataFetchingEnvironment env) {
        return Loaders.page(env, PartitionLoaders.UPSTREAM, instance.uuid(), limits.maxPageSize());
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> staleInputs(PartitionInstance instance, DataFetchingEnvironment env) {
        return Loaders.page(env, PartitionLoaders.STALE_INPUTS, instance.uuid(), limits.maxPageSize());
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> downstream(PartitionInstance instance, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID_AND_UUID.page(env, PartitionLoaders.DOWNSTREAM, instance, limits.maxPageSize());
    }

    @SchemaMapping
    CompletableFuture<Connection<JobRun>> consumers(PartitionInstance instance, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID_AND_ID.page(env, PartitionLoaders.CONSUMERS, instance, limits.maxPageSize());
    }
}
