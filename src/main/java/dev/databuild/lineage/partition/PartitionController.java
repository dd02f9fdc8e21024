package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.want.Want;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The fields of Partition that need a loader: its instance at a time, its history, and who wanted it. */
@Controller
@SchemaMapping(typeName = "Partition")
class PartitionController {

    private final GraphQlLimits limits;

    PartitionController(GraphQlLimits limits) {
        this.limits = limits;
    }

    @SchemaMapping
    CompletableFuture<PartitionInstance> asOf(Partition partition, @Argument Instant at, DataFetchingEnvironment env) {
        return Loaders.load(env, PartitionLoaders.AS_OF, new AsOfKey(partition.ref(), at.toEpochMilli()));
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> instances(Partition partition, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, PartitionLoaders.INSTANCES, partition.ref(), limits.maxPageSize());
    }

    @SchemaMapping
    CompletableFuture<Connection<Want>> wants(Partition partition, DataFetchingEnvironment env) {
        return Loaders.page(env, PartitionLoaders.WANTS, partition.ref(), limits.maxPageSize());
    }
}
