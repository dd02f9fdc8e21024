package dev.databuild.lineage.jobrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.support.BatchEquivalence;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Parents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Run connections answer a batch of runs (or wants) exactly as each one alone, in one statement. */
class BatchedRunPagesTest extends GraphQlTest {

    @Autowired
    RunInstances instances;
    @Autowired
    JobRunPages pages;

    @Test
    void aBatchAnswersLikeEachParentAlone() {
        load(new EventGenerator(EventGenerator.Params.demo(7)).stream().toList());
        String all = "select job_run_id from job_run order by job_run_id";
        List<String> readers = Parents.pick(db, String.class, all,
                "select job_run_id from run_read group by job_run_id order by count(*) desc, job_run_id", "JR-none");
        List<String> writers = Parents.pick(db, String.class, all,
                "select job_run_id from partition_instance group by job_run_id order by count(*) desc, job_run_id", "JR-none");
        List<String> builders = Parents.pick(db, String.class, all, """
                select pi.job_run_id from partition_instance pi join run_read r on r.input_uuid = pi.uuid
                group by pi.job_run_id order by count(*) desc, pi.job_run_id""", "JR-none");
        List<String> wants = Parents.pick(db, String.class, "select want_id from want order by want_id",
                "select want_id from job_run_want group by want_id order by count(*) desc, want_id", "W-none");
        int compared = BatchEquivalence.check(statements, readers, instances::read, false)
                + BatchEquivalence.check(statements, writers, instances::wrote, false)
                + BatchEquivalence.check(statements, readers, pages::upstream, false)
                + BatchEquivalence.check(statements, builders, pages::downstream, false)
                + BatchEquivalence.check(statements, wants, pages::forWants, true);
        assertThat(compared).isGreaterThan(1000);
    }
}
