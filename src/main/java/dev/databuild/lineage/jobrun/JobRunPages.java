package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages;
import dev.databuild.lineage.support.Relation;
import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.support.KeysetPages.parent;
import static dev.databuild.lineage.support.KeysetPages.total;

import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.PageArgs;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Connections of runs under a parent want or run, in buffered order (buffered_event_id: unique and
 * only ever appended, so cursors stay stable). Membership is an IN semi-join, which is the DISTINCT:
 * a run is listed once however many refs link it to the parent.
 */
@Repository
class JobRunPages {

    private final DSLContext db;

    JobRunPages(DSLContext db) {
        this.db = db;
    }

    /** Every run scheduled for the want: its attempts in order. */
    Map<String, Connection<JobRun>> forWants(Collection<String> wantIds, PageArgs page) {
        return fetch("forWants", wantIds, page,
                w -> DSL.select(JOB_RUN_WANT.JOB_RUN_ID).from(JOB_RUN_WANT).where(JOB_RUN_WANT.WANT_ID.eq(w)),
                JOB_RUN_WANT.WANT_ID, JOB_RUN_WANT.join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(JOB_RUN_WANT.JOB_RUN_ID)));
    }

    /** Runs that built what the run read. */
    Map<String, Connection<JobRun>> upstream(Collection<String> jobRunIds, PageArgs page) {
        return fetch("upstream", jobRunIds, page, r -> DSL.select(PARTITION_INSTANCE.JOB_RUN_ID).from(RUN_READ)
                .join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(RUN_READ.INPUT_UUID))
                .where(RUN_READ.JOB_RUN_ID.eq(r)),
                RUN_READ.JOB_RUN_ID, RUN_READ.join(PARTITION_INSTANCE).on(PARTITION_INSTANCE.UUID.eq(RUN_READ.INPUT_UUID))
                        .join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(PARTITION_INSTANCE.JOB_RUN_ID)));
    }

    /** Runs that read what the run built. */
    Map<String, Connection<JobRun>> downstream(Collection<String> jobRunIds, PageArgs page) {
        return fetch("downstream", jobRunIds, page, r -> DSL.select(RUN_READ.JOB_RUN_ID).from(PARTITION_INSTANCE)
                .join(RUN_READ).on(RUN_READ.INPUT_UUID.eq(PARTITION_INSTANCE.UUID))
                .where(PARTITION_INSTANCE.JOB_RUN_ID.eq(r)),
                PARTITION_INSTANCE.JOB_RUN_ID, PARTITION_INSTANCE.join(RUN_READ).on(RUN_READ.INPUT_UUID.eq(PARTITION_INSTANCE.UUID))
                        .join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(RUN_READ.JOB_RUN_ID)));
    }

    /**
     * @param shape   which connection this is: its statements' shape ({@link Relation#named})
     * @param members the ids of a parent's runs, possibly repeated; counted DISTINCT for totalCount
     * @param parent  the parent key column of {@code linked}
     * @param linked  every parent's runs joined with their rows, possibly repeated, for batches
     */
    private Map<String, Connection<JobRun>> fetch(String shape, Collection<String> parents, PageArgs page,
                                                  Function<Field<String>, Select<Record1<String>>> members,
                                                  Field<String> parent, TableLike<?> linked) {
        var counted = JOB_RUN.as("counted");
        KeysetPages.Branch branch = (p, keys, limit) -> db.select(JOB_RUN.fields())
                .select(parent(p), total(distinctCount(members.apply(DSL.val(p)))))
                .from(JOB_RUN)
                .where(JOB_RUN.JOB_RUN_ID.in(members.apply(DSL.val(p))))
                .and(keys.seek(JOB_RUN.BUFFERED_EVENT_ID))
                .orderBy(keys.order(JOB_RUN.BUFFERED_EVENT_ID)).limit(limit);
        var batched = new KeysetPages.Batched(new Relation<>(parent, linked,
                p -> DSL.field(DSL.selectCount().from(counted).where(counted.JOB_RUN_ID.in(members.apply(p)))), JOB_RUN.fields())
                .distinctRows().named(JobRunPages.class, shape), JOB_RUN.BUFFERED_EVENT_ID);
        return KeysetPages.fetch(db, parents, page, CursorKey.EVENT_ID, branch, batched, JobRunQueries::run, JobRunQueries::cursor);
    }

    private static Select<Record1<Integer>> distinctCount(Select<Record1<String>> ids) {
        Table<Record1<String>> members = ids.asTable("members", "id");
        return DSL.select(DSL.countDistinct(members.field("id"))).from(members);
    }
}
