package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.NodeFetcher;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** Partition instances by UUID and partitions by ref, for fields of any feature. */
@Component
public class InstanceLoaders {

    public static final String BY_UUID = "instanceByUuid";
    public static final String PARTITION_BY_REF = "partitionByRef";

    InstanceLoaders(BatchLoaderRegistry registry, InstanceQueries queries) {
        Loaders.byKey(registry, BY_UUID, queries::byUuids);
        Loaders.byKey(registry, PARTITION_BY_REF, queries::partitionsByRefs);
    }

    @Component
    static class InstanceNodes implements NodeFetcher {
        private final InstanceQueries queries;

        InstanceNodes(InstanceQueries queries) {
            this.queries = queries;
        }

        @Override
        public String type() {
            return PartitionInstance.TYPE;
        }

        @Override
        public Map<String, Object> fetch(Collection<String> keys) {
            Map<UUID, String> byUuid = new LinkedHashMap<>();
            for (String k : keys) {
                try {
                    byUuid.put(UUID.fromString(k), k);
                } catch (IllegalArgumentException ex) {
                    // a key that is no UUID names no instance: reported as not found
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            queries.byUuids(byUuid.keySet()).forEach((uuid, inst) -> out.put(byUuid.get(uuid), inst));
            return out;
        }
    }

    @Component
    static class PartitionNodes implements NodeFetcher {
        private final InstanceQueries queries;

        PartitionNodes(InstanceQueries queries) {
            this.queries = queries;
        }

        @Override
        public String type() {
            return Partition.TYPE;
        }

        @Override
        public Map<String, Object> fetch(Collection<String> keys) {
            return Map.copyOf(queries.partitionsByRefs(keys));
        }
    }
}
