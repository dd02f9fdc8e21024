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

/** The fields of Partition: its canonical instance, its history, and who wanted it. */
@Controller
@SchemaMapping(typeName = "Partition")
class PartitionController {

    private final GraphQlLimits limits;

    PartitionController(GraphQlLimits limits) {
        this.limits = limits;
    }

    @SchemaMapping
    String status(Partition partition) {
        return partition.current().status();
    }

    @SchemaMapping
    PartitionInstance current(Partition partition) {
        return partition.current();
    }

    @SchemaMapping
    CompletableFuture<PartitionInstance> asOf(Partition partition, @Argument Instant at, DataFetchingEnvironment env) {
        return Loaders.load(env, PartitionLoaders.AS_OF, new AsOfKey(partition.ref(), at.toEpochMilli()));
    }

    @SchemaMapping
    CompletableFuture<Connection<PartitionInstance>> instances(Partition partition, @Argument Integer first,
                                                               @Argument String after, @Argument Integer last,
                                                               @Argument String before, DataFetchingEnvironment env) {
        return CursorKey.EVENT_ID.page(env, PartitionLoaders.INSTANCES, partition.ref(), first, after, last, before,
                limits.maxPageSize());
    }

    @SchemaMapping
    CompletableFuture<Connection<Want>> wants(Partition partition, @Argument Integer first, @Argument String after,
                                              DataFetchingEnvironment env) {
        return Loaders.page(env, PartitionLoaders.WANTS, partition.ref(), first, after, limits.maxPageSize());
    }
}
