package dev.databuild.lineage.want;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.support.BatchEquivalence;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Parents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Want connections answer a batch of parents exactly as each one alone, in one statement. */
class BatchedWantPagesTest extends GraphQlTest {

    @Autowired
    WantPages pages;
    @Autowired
    WantInstances instances;

    @Test
    void aBatchAnswersLikeEachParentAlone() {
        load(new EventGenerator(EventGenerator.Params.demo(11)).stream().toList());
        String allWants = "select want_id from want order by want_id";
        String allRuns = "select job_run_id from job_run order by job_run_id";
        List<String> wants = Parents.pick(db, String.class, allWants, """
                select jw.want_id from job_run_want jw join want d on d.triggered_by_run_id = jw.job_run_id
                group by jw.want_id order by count(*) desc, jw.want_id""", "W-none");
        List<String> attributed = Parents.pick(db, String.class, allWants,
                "select want_id from job_run_want group by want_id order by count(*) desc, want_id", "W-none");
        List<String> triggering = Parents.pick(db, String.class, allRuns, """
                select triggered_by_run_id from want where triggered_by_run_id is not null
                group by triggered_by_run_id order by count(*) desc, triggered_by_run_id""", "JR-none");
        List<String> scheduled = Parents.pick(db, String.class, allRuns,
                "select job_run_id from job_run_want group by job_run_id order by count(distinct want_id) desc, job_run_id", "JR-none");
        int compared = BatchEquivalence.check(statements, wants, pages::derivedFromWants, false)
                + BatchEquivalence.check(statements, triggering, pages::derivedFromRun, false)
                + BatchEquivalence.check(statements, scheduled, pages::scheduledFor, false)
                + BatchEquivalence.check(statements, attributed, instances::builtFor, false);
        assertThat(compared).isGreaterThan(1000);
    }
}
