package dev.databuild.lineage.jobrun;

import dev.databuild.lineage.support.KeyArray;
import dev.databuild.lineage.support.Loaders;
import dev.databuild.lineage.support.CursorKey;
import dev.databuild.lineage.support.KeysetPages;
import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.support.KeysetPages.parent;
import static dev.databuild.lineage.support.KeysetPages.total;

import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.Cursor;
import dev.databuild.lineage.support.PageArgs;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Runs by id, the list of all runs, and the per-run lists: one statement per batch of keys. */
@Repository
public class JobRunQueries {

    private final DSLContext db;

    JobRunQueries(DSLContext db) {
        this.db = db;
    }

    public Map<String, JobRun> byIds(Collection<String> jobRunIds) {
        Map<String, JobRun> out = new LinkedHashMap<>();
        KeyArray.fetch(db, "JobRunQueries.byIds", JOB_RUN.JOB_RUN_ID, jobRunIds, k -> db.select(JOB_RUN.fields()).from(k.table())
                .join(JOB_RUN).on(JOB_RUN.JOB_RUN_ID.eq(k.key()))).forEach(r -> out.put(r.get(JOB_RUN.JOB_RUN_ID), run(r)));
        return out;
    }

    /** All runs (of a job label and/or status), in buffered order: buffered_event_id is unique. */
    Connection<JobRun> all(String jobLabel, String status, PageArgs page) {
        var counted = JOB_RUN.as("counted");
        Condition filter = filter(JOB_RUN, jobLabel, status);
        Condition countFilter = filter(counted, jobLabel, status);
        KeysetPages.Branch branch = (p, keys, limit) -> db.select(JOB_RUN.fields())
                .select(parent(p), total(DSL.selectCount().from(counted).where(countFilter)))
                .from(JOB_RUN)
                .where(filter).and(keys.seek(JOB_RUN.BUFFERED_EVENT_ID))
                .orderBy(keys.order(JOB_RUN.BUFFERED_EVENT_ID)).limit(limit);
        return KeysetPages.fetch(db, List.of(""), page, CursorKey.EVENT_ID, branch, JobRunQueries::run, JobRunQueries::cursor).get("");
    }

    private static Condition filter(dev.databuild.lineage.db.tables.JobRun t, String jobLabel, String status) {
        return (jobLabel == null ? DSL.noCondition() : t.JOB_LABEL.eq(jobLabel))
                .and(status == null ? DSL.noCondition() : t.STATUS.eq(status));
    }

    /** Whole retry chains keyed by their first run, first attempt first. */
    Map<String, List<JobRun>> chains(Collection<String> attemptRootIds) {
        Map<String, List<JobRun>> out = Loaders.emptyLists(attemptRootIds);
        KeyArray.fetch(db, "JobRunQueries.chains", JOB_RUN.ATTEMPT_ROOT_ID, attemptRootIds, k -> db.select(JOB_RUN.fields())
                .from(k.table()).join(JOB_RUN).on(JOB_RUN.ATTEMPT_ROOT_ID.eq(k.key()))
                .orderBy(JOB_RUN.ATTEMPT_ROOT_ID, JOB_RUN.ATTEMPT))
                .forEach(r -> out.get(r.get(JOB_RUN.ATTEMPT_ROOT_ID)).add(run(r)));
        return out;
    }

    Map<String, List<MissingDep>> missingDeps(Collection<String> jobRunIds) {
        Map<String, List<MissingDep>> out = Loaders.emptyLists(jobRunIds);
        KeyArray.fetch(db, "JobRunQueries.missingDeps", MISSING_DEP.JOB_RUN_ID, jobRunIds, k -> db.select(MISSING_DEP.fields())
                .from(k.table()).join(MISSING_DEP).on(MISSING_DEP.JOB_RUN_ID.eq(k.key()))
                .orderBy(MISSING_DEP.JOB_RUN_ID, MISSING_DEP.IMPACTED_REF, MISSING_DEP.MISSING_REF))
                .forEach(r -> out.get(r.get(MISSING_DEP.JOB_RUN_ID)).add(new MissingDep(r.get(MISSING_DEP.JOB_RUN_ID),
                        r.get(MISSING_DEP.IMPACTED_REF), r.get(MISSING_DEP.MISSING_REF))));
        return out;
    }

    static JobRun run(Record r) {
        return JobRun.from(r.into(JOB_RUN));
    }

    static String cursor(JobRun run) {
        return Cursor.encode(run.bufferedEventId());
    }
}
