package dev.databuild.lineage.jobrun;

import static dev.databuild.lineage.db.Tables.JOB_RUN;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class JobRunQueries {

    private final DSLContext db;

    JobRunQueries(DSLContext db) {
        this.db = db;
    }

    public Map<String, JobRun> byIds(Collection<String> jobRunIds) {
        Map<String, JobRun> out = new LinkedHashMap<>();
        db.selectFrom(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.in(jobRunIds)).forEach(r -> out.put(r.getJobRunId(), JobRun.from(r)));
        return out;
    }
}
