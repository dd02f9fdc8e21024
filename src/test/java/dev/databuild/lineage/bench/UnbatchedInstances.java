package dev.databuild.lineage.bench;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.partition.Pages;
import dev.databuild.lineage.bench.Unbatched.Partition;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.partition.PartitionStatusChange;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.StatusHistory;
import dev.databuild.lineage.want.Want;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Partition's and PartitionInstance's relations, each one statement per parent (plus one per totalCount). */
final class UnbatchedInstances {

    private static final dev.databuild.lineage.db.tables.PartitionInstance PI = PARTITION_INSTANCE;

    private final Unbatched u;
    private final DSLContext db;

    UnbatchedInstances(DSLContext db, int maxPageSize) {
        this.u = new Unbatched(db, maxPageSize);
        this.db = db;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Partition", t -> t
                .dataFetcher("status", env -> db.select(PI.STATUS).from(PI)
                        .where(PI.UUID.eq(env.<Partition>getSource().currentUuid())).fetchOne(PI.STATUS))
                .dataFetcher("current", env -> u.instance(env.<Partition>getSource().currentUuid()))
                .dataFetcher("asOf", env -> {
                    long at = env.<Instant>getArgument("at").toEpochMilli();
                    return db.selectFrom(PI).where(PI.REF.eq(ref(env))).and(PI.CREATED_AT.le(at))
                            .and(PI.SUPERSEDED_AT.isNull().or(PI.SUPERSEDED_AT.gt(at)))
                            .orderBy(PI.CREATED_EVENT_ID.desc()).limit(1).fetchOptional(PartitionInstance::from).orElse(null);
                })
                .dataFetcher("instances", env -> u.page(env, limit -> db.selectFrom(PI).where(PI.REF.eq(ref(env)))
                                .orderBy(PI.CREATED_EVENT_ID.desc()).limit(limit).fetch(r -> {
                                    PartitionInstance i = PartitionInstance.from(r);
                                    return new Pages.Hit<>(i, Cursor.encode(i.createdEventId()), 0);
                                }),
                        () -> db.fetchCount(PI, PI.REF.eq(ref(env)))))
                .dataFetcher("wants", env -> u.page(env, limit -> db.select(WANT.fields()).from(WANT_PARTITION)
                                .join(WANT).on(WANT.WANT_ID.eq(WANT_PARTITION.WANT_ID)).where(WANT_PARTITION.REF.eq(ref(env)))
                                .orderBy(WANT.CREATED_EVENT_ID).limit(limit).fetch(r -> {
                                    Want w = Want.from(r.into(WANT));
                                    return new Pages.Hit<>(w, Cursor.encode(w.createdEventId()), 0);
                                }),
                        () -> db.fetchCount(WANT_PARTITION, WANT_PARTITION.REF.eq(ref(env))))));
        wiring.type("PartitionInstance", t -> t
                .dataFetcher("partition", env -> u.partition(self(env).ref()))
                .dataFetcher("statusHistory", env -> StatusHistory.parse(db.select(PI.STATUS_HISTORY).from(PI)
                        .where(PI.UUID.eq(self(env).uuid())).fetchSingle().value1(), PartitionStatusChange::new))
                .dataFetcher("builtBy", env -> u.run(self(env).jobRunId()))
                .dataFetcher("isStale", env -> db.fetchExists(DSL.selectOne().from(READ_DEP)
                        .join(PI).on(PI.UUID.eq(READ_DEP.INPUT_UUID))
                        .where(READ_DEP.OUTPUT_UUID.eq(self(env).uuid())).and(PI.SUPERSEDED_EVENT_ID.isNotNull())))
                .dataFetcher("upstream", env -> inputs(env, DSL.noCondition()))
                .dataFetcher("staleInputs", env -> inputs(env, PI.SUPERSEDED_EVENT_ID.isNotNull()))
                .dataFetcher("downstream", env -> u.page(env, limit -> db.select(PI.fields()).select(READ_DEP.EVENT_ID)
                                .from(READ_DEP).join(PI).on(PI.UUID.eq(READ_DEP.OUTPUT_UUID))
                                .where(READ_DEP.INPUT_UUID.eq(self(env).uuid()))
                                .orderBy(READ_DEP.EVENT_ID, READ_DEP.OUTPUT_UUID).limit(limit).fetch(r -> {
                                    PartitionInstance i = PartitionInstance.from(r.into(PI));
                                    return new Pages.Hit<>(i, Cursor.encode(r.get(READ_DEP.EVENT_ID), i.uuid()), 0);
                                }),
                        () -> self(env).downstreamCount()))
                .dataFetcher("consumers", env -> u.page(env, limit -> consumers(self(env), limit),
                        () -> self(env).consumerCount())));
    }

    /** The first {@code limit} runs that read {@code input}, in the order they reported it. */
    List<Pages.Hit<JobRun>> consumers(PartitionInstance input, int limit) {
        return db.select(JOB_RUN.fields()).select(RUN_READ.EVENT_ID).from(RUN_READ)
                .join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(RUN_READ.JOB_RUN_ID))
                .where(RUN_READ.INPUT_UUID.eq(input.uuid()))
                .orderBy(RUN_READ.EVENT_ID, RUN_READ.JOB_RUN_ID).limit(limit).fetch(r -> {
                    JobRun run = JobRun.from(r.into(JOB_RUN));
                    return new Pages.Hit<>(run, Cursor.encode(r.get(RUN_READ.EVENT_ID), run.jobRunId()), 0);
                });
    }

    private Unbatched.Page<PartitionInstance> inputs(DataFetchingEnvironment env, Condition filter) {
        var out = self(env).uuid();
        return u.page(env, limit -> db.select(PI.fields()).from(READ_DEP).join(PI).on(PI.UUID.eq(READ_DEP.INPUT_UUID))
                        .where(READ_DEP.OUTPUT_UUID.eq(out)).and(filter)
                        .orderBy(READ_DEP.INPUT_REF, READ_DEP.INPUT_UUID).limit(limit).fetch(r -> {
                            PartitionInstance i = PartitionInstance.from(r.into(PI));
                            return new Pages.Hit<>(i, Cursor.encode(i.ref(), i.uuid()), 0);
                        }),
                () -> db.fetchCount(db.selectOne().from(READ_DEP).join(PI).on(PI.UUID.eq(READ_DEP.INPUT_UUID))
                        .where(READ_DEP.OUTPUT_UUID.eq(out)).and(filter)));
    }

    private static PartitionInstance self(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static String ref(DataFetchingEnvironment env) {
        return env.<Partition>getSource().ref();
    }
}
