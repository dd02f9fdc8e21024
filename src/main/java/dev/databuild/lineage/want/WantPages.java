package dev.databuild.lineage.want;

import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.WANT;
import static dev.databuild.lineage.support.KeysetPages.parent;
import static dev.databuild.lineage.support.KeysetPages.total;

import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.support.Relation;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Connections of wants under a parent want or run, oldest first (created_event_id). Each batch of
 * parents is one statement; membership is a semi-join (IN), so a want is listed once however many
 * of its refs a run built.
 */
@Repository
class WantPages {

    private final DSLContext db;

    WantPages(DSLContext db) {
        this.db = db;
    }

    /** Wants spawned by dep-misses of any run scheduled for the parent want. */
    Map<String, Connection<Want>> derivedFromWants(Collection<String> wantIds, PageArgs page) {
        return fetch("derivedFromWants", wantIds, page, (w, parentId) -> w.TRIGGERED_BY_RUN_ID.in(
                DSL.select(JOB_RUN_WANT.JOB_RUN_ID).from(JOB_RUN_WANT).where(JOB_RUN_WANT.WANT_ID.eq(parentId))), null,
                new Linked(JOB_RUN_WANT.WANT_ID, JOB_RUN_WANT.join(WANT).on(WANT.TRIGGERED_BY_RUN_ID.eq(JOB_RUN_WANT.JOB_RUN_ID)), true));
    }

    /** Wants spawned by the parent run's dep-miss. */
    Map<String, Connection<Want>> derivedFromRun(Collection<String> runIds, PageArgs page) {
        return fetch("derivedFromRun", runIds, page, (w, runId) -> w.TRIGGERED_BY_RUN_ID.eq(runId), null,
                new Linked(WANT.TRIGGERED_BY_RUN_ID, WANT, false));
    }

    /** The wants the parent run was scheduled for. */
    Map<String, Connection<Want>> scheduledFor(Collection<String> runIds, PageArgs page) {
        return fetch("scheduledFor", runIds, page, (w, runId) -> w.WANT_ID.in(
                        DSL.select(JOB_RUN_WANT.WANT_ID).from(JOB_RUN_WANT).where(JOB_RUN_WANT.JOB_RUN_ID.eq(runId))),
                runId -> DSL.select(DSL.countDistinct(JOB_RUN_WANT.WANT_ID)).from(JOB_RUN_WANT).where(JOB_RUN_WANT.JOB_RUN_ID.eq(runId)),
                new Linked(JOB_RUN_WANT.JOB_RUN_ID, JOB_RUN_WANT.join(WANT).on(WANT.WANT_ID.eq(JOB_RUN_WANT.WANT_ID)), true));
    }

    /**
     * Every parent's wants joined with their rows, for a batch of parents.
     *
     * @param repeats whether the join can list a want more than once for one parent
     */
    private record Linked(Field<String> parent, TableLike<?> wants, boolean repeats) {
    }

    /**
     * @param shape   which connection this is: its statements' shape ({@link Relation#named})
     * @param member  which wants belong to a parent, over the given alias of the want table
     * @param counter the parent's count when cheaper than counting {@code member} (null: count it)
     */
    private Map<String, Connection<Want>> fetch(String shape, Collection<String> parents, PageArgs page,
                                                BiFunction<dev.databuild.lineage.db.tables.Want, Field<String>, Condition> member,
                                                Function<Field<String>, Select<? extends Record1<Integer>>> counter, Linked linked) {
        var counted = WANT.as("counted");
        Function<Field<String>, Select<? extends Record1<Integer>>> count = p -> counter != null ? counter.apply(p)
                : DSL.selectCount().from(counted).where(member.apply(counted, p));
        KeysetPages.Branch branch = (p, keys, limit) -> db.select(WANT.fields())
                .select(parent(p), total(count.apply(DSL.val(p))))
                .from(WANT)
                .where(member.apply(WANT, DSL.val(p)))
                .and(keys.seek(WANT.CREATED_EVENT_ID))
                .orderBy(keys.order(WANT.CREATED_EVENT_ID)).limit(limit);
        var relation = new Relation<>(linked.parent(), linked.wants(), p -> DSL.field(count.apply(p)), WANT.fields())
                .named(WantPages.class, shape);
        var batched = new KeysetPages.Batched(linked.repeats() ? relation.distinctRows() : relation, WANT.CREATED_EVENT_ID);
        return KeysetPages.fetch(db, parents, page, CursorKey.EVENT_ID, branch, batched, WantQueries::want, WantQueries::cursor);
    }
}
