package dev.databuild.lineage.bench;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.jobrun.MissingDep;
import dev.databuild.lineage.partition.Pages;
import dev.databuild.lineage.partition.PartitionInstance;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.EventSource;
import dev.databuild.lineage.support.StatusHistory;
import dev.databuild.lineage.want.Want;
import dev.databuild.lineage.want.WantStatusChange;
import graphql.schema.idl.RuntimeWiring;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/** Query's entry points and Want's relations, each one statement per parent (plus one per totalCount). */
final class UnbatchedFields {

    private static final dev.databuild.lineage.db.tables.PartitionInstance PI = PARTITION_INSTANCE;

    private final Unbatched u;
    private final DSLContext db;

    UnbatchedFields(DSLContext db, int maxPageSize) {
        this.u = new Unbatched(db, maxPageSize);
        this.db = db;
    }

    void wire(RuntimeWiring.Builder wiring) {
        Unbatched.wireConnections(wiring);
        wiring.type("Query", t -> t
                .dataFetcher("want", env -> u.want(env.getArgument("wantId")))
                .dataFetcher("jobRun", env -> u.run(env.getArgument("jobRunId")))
                .dataFetcher("partition", env -> u.partition(env.getArgument("ref")))
                .dataFetcher("partitionInstance", env -> u.instance(UUID.fromString(env.getArgument("uuid")))));
        wiring.type("EventSource", t -> t.dataFetcher("jobRun", env -> u.run(env.<EventSource>getSource().jobRunId())));
        wiring.type("MissingDep", t -> t.dataFetcher("missingPartition",
                env -> u.partition(env.<MissingDep>getSource().missingRef())));
        wiring.type("Want", t -> t
                .dataFetcher("partitionRefs", env -> db.select(WANT_PARTITION.REF).from(WANT_PARTITION)
                        .where(WANT_PARTITION.WANT_ID.eq(id(env.getSource()))).orderBy(WANT_PARTITION.POSITION)
                        .fetch(Record1::value1))
                .dataFetcher("statusHistory", env -> StatusHistory.parse(db.select(WANT.STATUS_HISTORY).from(WANT)
                        .where(WANT.WANT_ID.eq(id(env.getSource()))).fetchSingle().value1(), WantStatusChange::new))
                .dataFetcher("source", env -> {
                    Want w = env.getSource();
                    return new EventSource(w.sourceKind(), w.sourceUser(), w.triggeredByRunId());
                })
                .dataFetcher("triggeredBy", env -> u.run(env.<Want>getSource().triggeredByRunId()))
                .dataFetcher("partitions", env -> {
                    String w = id(env.getSource());
                    return u.page(env, limit -> db.select(PI.fields()).from(JOB_RUN_WANT)
                                    .join(PI).on(PI.JOB_RUN_ID.eq(JOB_RUN_WANT.JOB_RUN_ID)).and(PI.REF.eq(JOB_RUN_WANT.REF))
                                    .where(JOB_RUN_WANT.WANT_ID.eq(w)).orderBy(PI.CREATED_EVENT_ID, PI.UUID).limit(limit)
                                    .fetch(r -> instanceHit(PartitionInstance.from(r.into(PI)))),
                            () -> db.fetchCount(JOB_RUN_WANT, JOB_RUN_WANT.WANT_ID.eq(w)));
                })
                .dataFetcher("jobRuns", env -> {
                    var runs = DSL.select(JOB_RUN_WANT.JOB_RUN_ID).from(JOB_RUN_WANT).where(JOB_RUN_WANT.WANT_ID.eq(id(env.getSource())));
                    return u.page(env, limit -> db.selectFrom(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.in(runs))
                                    .orderBy(JOB_RUN.BUFFERED_EVENT_ID).limit(limit).fetch(r -> runHit(JobRun.from(r))),
                            () -> db.fetchCount(DSL.selectDistinct(JOB_RUN_WANT.JOB_RUN_ID).from(JOB_RUN_WANT)
                                    .where(JOB_RUN_WANT.WANT_ID.eq(id(env.getSource())))));
                })
                .dataFetcher("derivativeWants", env -> {
                    var runs = DSL.select(JOB_RUN_WANT.JOB_RUN_ID).from(JOB_RUN_WANT).where(JOB_RUN_WANT.WANT_ID.eq(id(env.getSource())));
                    return wantPage(env, WANT.TRIGGERED_BY_RUN_ID.in(runs));
                }));
    }

    /** Wants matching {@code member}, oldest first; used by Want and JobRun. */
    static Unbatched.Page<Want> wantPage(Unbatched u, graphql.schema.DataFetchingEnvironment env, org.jooq.Condition member) {
        return u.page(env, limit -> u.db().selectFrom(WANT).where(member).orderBy(WANT.CREATED_EVENT_ID).limit(limit)
                        .fetch(r -> { Want w = Want.from(r); return new Pages.Hit<>(w, Cursor.encode(w.createdEventId()), 0); }),
                () -> u.db().fetchCount(WANT, member));
    }

    private Unbatched.Page<Want> wantPage(graphql.schema.DataFetchingEnvironment env, org.jooq.Condition member) {
        return wantPage(u, env, member);
    }

    static Pages.Hit<JobRun> runHit(JobRun run) {
        return new Pages.Hit<>(run, Cursor.encode(run.bufferedEventId()), 0);
    }

    static Pages.Hit<PartitionInstance> instanceHit(PartitionInstance i) {
        return new Pages.Hit<>(i, Cursor.encode(i.createdEventId(), i.uuid()), 0);
    }

    private static String id(Want w) {
        return w.wantId();
    }
}
