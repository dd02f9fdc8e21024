package dev.databuild.lineage.bench;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;

import dev.databuild.lineage.lineage.LineageGraph;
import dev.databuild.lineage.partition.PartitionInstance;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Query.lineage of the unbatched server: finds the focus and hands it to {@link UnbatchedWalk}.
 */
final class UnbatchedLineage {

    private static final dev.databuild.lineage.db.tables.PartitionInstance PI = PARTITION_INSTANCE;

    private final DSLContext db;
    private final Unbatched u;
    private final UnbatchedInstances instances;
    private final int maxNodes;

    UnbatchedLineage(DSLContext db, UnbatchedInstances instances, int maxNodes) {
        this.db = db;
        this.u = new Unbatched(db, 1);
        this.instances = instances;
        this.maxNodes = maxNodes;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("lineage", this::lineage));
    }

    private LineageGraph lineage(DataFetchingEnvironment env) {
        if (env.getArgument("asOf") != null) {
            throw new IllegalArgumentException("the unbatched baseline has no asOf");
        }
        String uuid = env.getArgument("uuid");
        PartitionInstance focus = uuid != null ? u.instance(UUID.fromString(uuid))
                : db.select(PI.fields()).from(PARTITION_REF).join(PI).on(PI.UUID.eq(PARTITION_REF.CURRENT_UUID))
                .where(PARTITION_REF.REF.eq(env.<String>getArgument("ref"))).fetchOne(r -> PartitionInstance.from(r.into(PI)));
        String direction = env.getArgument("direction") == null ? "BOTH" : env.getArgument("direction").toString();
        int depth = env.getArgument("depth") == null ? 3 : env.<Integer>getArgument("depth");
        int limit = env.getArgument("perNodeLimit") == null ? 25 : env.<Integer>getArgument("perNodeLimit");
        return new UnbatchedWalk(db, u, instances, limit, maxNodes).run(focus, direction, depth);
    }
}
