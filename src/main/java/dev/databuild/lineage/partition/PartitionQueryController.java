package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.ApiException;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.PageArgs;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.partition, Query.partitions and Query.partitionInstance. */
@Controller
class PartitionQueryController {

    private final InstanceQueries instances;
    private final PartitionQueries partitions;
    private final GraphQlLimits limits;

    PartitionQueryController(InstanceQueries instances, PartitionQueries partitions, GraphQlLimits limits) {
        this.instances = instances;
        this.partitions = partitions;
        this.limits = limits;
    }

    /** Through the loader, so the instance's own Partition (current.partition) is the same lookup. */
    @QueryMapping
    CompletableFuture<Partition> partition(@Argument String ref, DataFetchingEnvironment env) {
        return Loaders.<String, Partition>load(env, InstanceLoaders.PARTITION_BY_REF, ref).thenApply(p -> {
            if (p == null) {
                throw ApiException.notFound("partition " + ref);
            }
            return p;
        });
    }

    /** The page's partitions are also what the by-ref loader would find: an instance's partition is no new lookup. */
    @QueryMapping
    Connection<Partition> partitions(@Argument String refPrefix, @Argument String status, @Argument Integer first,
                                     @Argument String after, @Argument Integer last, @Argument String before,
                                     DataFetchingEnvironment env) {
        Connection<Partition> page = partitions.partitions(refPrefix, status, PageArgs.of(first, after, last, before, limits.maxPageSize()));
        DataLoader<String, Partition> byRef = env.getDataLoader(InstanceLoaders.PARTITION_BY_REF);
        page.edges().forEach(e -> byRef.prime(e.node().ref(), e.node()));
        return page;
    }

    @QueryMapping
    PartitionInstance partitionInstance(@Argument String uuid) {
        UUID id = Pages.uuid("uuid", uuid);
        PartitionInstance found = instances.byUuids(List.of(id)).get(id);
        if (found == null) {
            throw ApiException.notFound("partition instance " + uuid);
        }
        return found;
    }
}
