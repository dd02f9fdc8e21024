package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.Loaders;
import java.util.UUID;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** The relations of Partition and PartitionInstance: each one statement per batch of parents. */
@Component
class PartitionLoaders {

    static final String AS_OF = "partitionAsOf";
    static final String INSTANCES = "partitionInstances";
    static final String WANTS = "partitionWants";
    static final String IS_STALE = "instanceIsStale";
    static final String UPSTREAM = "instanceUpstream";
    static final String STALE_INPUTS = "instanceStaleInputs";
    static final String DOWNSTREAM = "instanceDownstream";
    static final String CONSUMERS = "instanceConsumers";

    PartitionLoaders(BatchLoaderRegistry registry, InstanceQueries instances, PartitionQueries partitions,
                     InstanceLinkQueries links) {
        Loaders.byKey(registry, AS_OF, instances::asOf);
        Loaders.pages(registry, INSTANCES, partitions::instances);
        Loaders.pages(registry, WANTS, partitions::wants);
        Loaders.byKey(registry, IS_STALE, instances::staleness);
        Loaders.<UUID, PartitionInstance>pages(registry, UPSTREAM, (outputs, page) -> links.inputs(outputs, page, false));
        Loaders.<UUID, PartitionInstance>pages(registry, STALE_INPUTS, (outputs, page) -> links.inputs(outputs, page, true));
        Loaders.pages(registry, DOWNSTREAM, links::downstream);
        Loaders.pages(registry, CONSUMERS, links::consumers);
    }
}
