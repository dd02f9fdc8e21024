package dev.databuild.lineage.bench;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.WANT;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.partition.Pages;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.want.Want;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;

/**
 * What every unbatched resolver shares: single-row lookups (one statement each) and first pages of
 * a connection whose totalCount is its own statement, run only when the field is selected.
 */
final class Unbatched {

    /** A connection page as the unbatched server resolves it. */
    record Page<T>(Connection<T> page, IntSupplier count) {
    }

    private final DSLContext db;
    private final int maxPageSize;

    Unbatched(DSLContext db, int maxPageSize) {
        this.db = db;
        this.maxPageSize = maxPageSize;
    }

    DSLContext db() {
        return db;
    }

    /** The page the field's first argument asks for; rows are fetched with the lookahead limit. */
    <T> Page<T> page(DataFetchingEnvironment env, IntFunction<List<Pages.Hit<T>>> rows, IntSupplier count) {
        PageArgs args = PageArgs.of(env.getArgument("first"), env.getArgument("after"), maxPageSize);
        if (args.cursor() != null) {
            throw new IllegalArgumentException("the unbatched baseline serves first pages only");
        }
        return new Page<>(Pages.connection(rows.apply(args.limit()), args, 0), count);
    }

    static void wireConnections(RuntimeWiring.Builder wiring) {
        for (String type : List.of("WantConnection", "PartitionConnection", "PartitionInstanceConnection", "JobRunConnection")) {
            wiring.type(type, t -> t
                    .dataFetcher("edges", env -> env.<Page<?>>getSource().page().edges())
                    .dataFetcher("nodes", env -> env.<Page<?>>getSource().page().nodes())
                    .dataFetcher("pageInfo", env -> env.<Page<?>>getSource().page().pageInfo())
                    .dataFetcher("totalCount", env -> env.<Page<?>>getSource().count().getAsInt()));
        }
    }

    Want want(String wantId) {
        return db.selectFrom(WANT).where(WANT.WANT_ID.eq(wantId)).fetchOptional(Want::from).orElse(null);
    }

    JobRun run(String jobRunId) {
        return jobRunId == null ? null
                : db.selectFrom(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.eq(jobRunId)).fetchOptional(JobRun::from).orElse(null);
    }

    PartitionInstance instance(UUID uuid) {
        return db.selectFrom(PARTITION_INSTANCE).where(PARTITION_INSTANCE.UUID.eq(uuid))
                .fetchOptional(PartitionInstance::from).orElse(null);
    }

    /** What a plain server holds for a partition: its canonical instance is read by the fields that need it. */
    record Partition(String ref, UUID currentUuid, long firstEventId) {
    }

    Partition partition(String ref) {
        return db.selectFrom(PARTITION_REF).where(PARTITION_REF.REF.eq(ref))
                .fetchOptional(r -> new Partition(r.getRef(), r.getCurrentUuid(), r.getFirstEventId())).orElse(null);
    }
}
