package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.partition.InstanceLoaders;
import dev.databuild.lineage.partition.Partition;
import dev.databuild.lineage.support.Loaders;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** MissingDep.missingPartition: null while the missing ref has never been built. */
@Controller
class MissingDepController {

    @SchemaMapping(typeName = "MissingDep")
    CompletableFuture<Partition> missingPartition(MissingDep dep, DataFetchingEnvironment env) {
        return Loaders.load(env, InstanceLoaders.PARTITION_BY_REF, dep.missingRef());
    }
}
