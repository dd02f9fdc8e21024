package dev.databuild.lineage.bench;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.db.Tables.WANT;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.JobRunStatusChange;
import dev.databuild.lineage.jobrun.MissingDep;
import dev.databuild.lineage.partition.Pages;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.EventSource;
import dev.databuild.lineage.support.StatusHistory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** JobRun's relations, each one statement per run (plus one per totalCount). */
final class UnbatchedRuns {

    private static final dev.databuild.lineage.db.tables.PartitionInstance PI = PARTITION_INSTANCE;

    private final Unbatched u;
    private final DSLContext db;

    UnbatchedRuns(DSLContext db, int maxPageSize) {
        this.u = new Unbatched(db, maxPageSize);
        this.db = db;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("JobRun", t -> t
                .dataFetcher("statusHistory", env -> StatusHistory.parse(db.select(JOB_RUN.STATUS_HISTORY).from(JOB_RUN)
                        .where(JOB_RUN.JOB_RUN_ID.eq(id(env))).fetchSingle().value1(), JobRunStatusChange::new))
                .dataFetcher("canceledBy", env -> {
                    JobRun r = env.getSource();
                    return EventSource.of(r.cancelSourceKind(), r.cancelSourceUser(), r.cancelSourceRunId());
                })
                .dataFetcher("previousAttempt", env -> u.run(env.<JobRun>getSource().previousAttemptId()))
                .dataFetcher("nextAttempt", env -> db.selectFrom(JOB_RUN).where(JOB_RUN.PREVIOUS_ATTEMPT_ID.eq(id(env)))
                        .fetchOptional(JobRun::from).orElse(null))
                .dataFetcher("attempts", env -> db.selectFrom(JOB_RUN)
                        .where(JOB_RUN.ATTEMPT_ROOT_ID.eq(env.<JobRun>getSource().attemptRootId())).orderBy(JOB_RUN.ATTEMPT)
                        .fetch(JobRun::from))
                .dataFetcher("scheduledFor", env -> UnbatchedFields.wantPage(u, env, WANT.WANT_ID.in(
                        DSL.select(JOB_RUN_WANT.WANT_ID).from(JOB_RUN_WANT).where(JOB_RUN_WANT.JOB_RUN_ID.eq(id(env))))))
                .dataFetcher("derivativeWants", env -> UnbatchedFields.wantPage(u, env, WANT.TRIGGERED_BY_RUN_ID.eq(id(env))))
                .dataFetcher("read", env -> u.page(env, limit -> db.select(PI.fields()).from(RUN_READ)
                                .join(PI).on(PI.UUID.eq(RUN_READ.INPUT_UUID)).where(RUN_READ.JOB_RUN_ID.eq(id(env)))
                                .orderBy(RUN_READ.INPUT_REF, RUN_READ.INPUT_UUID).limit(limit)
                                .fetch(r -> hit(PartitionInstance.from(r.into(PI)), true)),
                        () -> db.fetchCount(RUN_READ, RUN_READ.JOB_RUN_ID.eq(id(env)))))
                .dataFetcher("wrote", env -> u.page(env, limit -> db.selectFrom(PI).where(PI.JOB_RUN_ID.eq(id(env)))
                                .orderBy(PI.REF).limit(limit).fetch(r -> hit(PartitionInstance.from(r), false)),
                        () -> db.fetchCount(PI, PI.JOB_RUN_ID.eq(id(env)))))
                .dataFetcher("missingDeps", env -> db.selectFrom(MISSING_DEP).where(MISSING_DEP.JOB_RUN_ID.eq(id(env)))
                        .orderBy(MISSING_DEP.IMPACTED_REF, MISSING_DEP.MISSING_REF)
                        .fetch(r -> new MissingDep(r.getJobRunId(), r.getImpactedRef(), r.getMissingRef())))
                .dataFetcher("upstream", env -> runPage(env, DSL.select(PI.JOB_RUN_ID).from(RUN_READ)
                        .join(PI).on(PI.UUID.eq(RUN_READ.INPUT_UUID)).where(RUN_READ.JOB_RUN_ID.eq(id(env)))))
                .dataFetcher("downstream", env -> runPage(env, DSL.select(RUN_READ.JOB_RUN_ID).from(PI)
                        .join(RUN_READ).on(RUN_READ.INPUT_UUID.eq(PI.UUID)).where(PI.JOB_RUN_ID.eq(id(env))))));
    }

    /** Runs whose ids {@code members} selects (maybe repeated), in buffered order; counted distinct. */
    private Unbatched.Page<JobRun> runPage(DataFetchingEnvironment env, Select<Record1<String>> members) {
        return u.page(env, limit -> db.selectFrom(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.in(members))
                        .orderBy(JOB_RUN.BUFFERED_EVENT_ID).limit(limit).fetch(r -> UnbatchedFields.runHit(JobRun.from(r))),
                () -> {
                    var ids = members.asTable("members", "id");
                    return db.fetchCount(DSL.selectDistinct(ids.field("id")).from(ids));
                });
    }

    private static Pages.Hit<PartitionInstance> hit(PartitionInstance i, boolean refAndUuid) {
        return new Pages.Hit<>(i, refAndUuid ? Cursor.encode(i.ref(), i.uuid()) : Cursor.encode(i.ref()), 0);
    }

    private static String id(DataFetchingEnvironment env) {
        return env.<JobRun>getSource().jobRunId();
    }
}
