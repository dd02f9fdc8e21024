package dev.databuild.lineage.want;

import dev.databuild.lineage.jobrun.JobRunLoaders;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Loaders;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.util.List;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Test-only stand-in for PartitionInstance.builtBy, which the partition feature owns: the want
 * fulfilment view needs it. It steps aside when a real mapping exists (it runs after every
 * controller has been wired), so it can be deleted once the partition feature is merged.
 */
@Component
class BuiltByUntilPartitionFeature implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        // wired in the second phase, once the controllers' own mappings are known
    }

    @Override
    public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
        if (!builder.build().getDataFetchers().getOrDefault("PartitionInstance", java.util.Map.of()).containsKey("builtBy")) {
            builder.type("PartitionInstance", t -> t.dataFetcher("builtBy",
                    env -> Loaders.load(env, JobRunLoaders.BY_ID, env.<PartitionInstance>getSource().jobRunId())));
        }
    }
}
