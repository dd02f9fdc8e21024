package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.ApiException;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlLimits;
import dev.databuild.lineage.support.PageArgs;
import java.util.List;
import java.util.UUID;
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

    @QueryMapping
    Partition partition(@Argument String ref) {
        Partition p = instances.partitionsByRefs(List.of(ref)).get(ref);
        if (p == null) {
            throw ApiException.notFound("partition " + ref);
        }
        return p;
    }

    @QueryMapping
    Connection<Partition> partitions(@Argument String refPrefix, @Argument String status, @Argument Integer first,
                                     @Argument String after, @Argument Integer last, @Argument String before) {
        return partitions.partitions(refPrefix, status, PageArgs.of(first, after, last, before, limits.maxPageSize()));
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
