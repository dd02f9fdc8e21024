package dev.databuild.lineage.manual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's plan check, run by hand (excluded from the normal build):
 * {@code ./mvnw test -DskipH2Tests -Dtest=QueryPlans -Dsurefire.failIfNoSpecifiedTests=false}.
 * Builds a database of 100,000+ generated events, records every SQL statement the views run for
 * real GraphQL requests, EXPLAINs each distinct one and fails on a sequential scan of a large table.
 * The plans are written to target/query-plans.txt.
 */
class QueryPlans extends GraphQlTest {

    static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("want fulfilment", """
                query($id: String!) { want(wantId: $id) { status partitions { nodes { uuid builtBy { jobRunId statusHistory { status }
                  read { nodes { uuid ref } } } } } jobRuns { nodes { jobRunId attempt previousAttempt { jobRunId } missingDeps { missingRef } } }
                  derivativeWants { nodes { wantId triggeredBy { jobRunId } jobRuns { nodes { jobRunId read { nodes { uuid } } } }
                  derivativeWants { nodes { wantId } } } } } }""");
        VIEWS.put("partition lineage", """
                query($ref: String!) { partition(ref: $ref) { status current { uuid isStale staleInputs { nodes { uuid } }
                  builtBy { jobRunId } upstream { nodes { uuid ref } } downstream { totalCount nodes { uuid ref } }
                  consumers { totalCount nodes { jobRunId } } statusHistory { status } }
                  instances { nodes { uuid status } } wants { nodes { wantId } } } }""");
        VIEWS.put("job run detail", """
                query($run: String!) { jobRun(jobRunId: $run) { status statusHistory { status } scheduledFor { nodes { wantId } }
                  read { nodes { uuid } } wrote { nodes { uuid } } missingDeps { missingRef } derivativeWants { nodes { wantId } }
                  previousAttempt { jobRunId } nextAttempt { jobRunId } attempts { jobRunId } upstream { nodes { jobRunId } }
                  downstream { totalCount nodes { jobRunId } } } }""");
        VIEWS.put("hub first page", """
                query($hub: String!) { partition(ref: $hub) { current { consumers(first: 20) { totalCount nodes { jobRunId } }
                  downstream(first: 20) { totalCount nodes { uuid } } } } }""");
        VIEWS.put("lineage depth 10", """
                query($ref: String!) { lineage(ref: $ref, direction: BOTH, depth: 10, perNodeLimit: 25) { truncated nodes { id depth } edges { from to } } }""");
    }

    @Test
    void hotQueriesUseIndexes() throws IOException {
        var params = EventGenerator.Params.benchmark(5, Long.getLong("plans.events", 100_000), 5_000, 30);
        List<DataBuildEvent> chunk = new ArrayList<>();
        for (var it = new EventGenerator(params).iterator(); it.hasNext(); ) {
            chunk.add(it.next());
            if (chunk.size() == 10_000 || !it.hasNext()) {
                ingest.ingest(chunk);
                chunk.clear();
            }
        }
        db.execute(TestDatabase.isPostgres() ? "ANALYZE" : "ANALYZE");
        String want = (String) db.fetchValue("select want_id from want w where exists (select 1 from want d where d.triggered_by_run_id in "
                + "(select job_run_id from job_run_want j where j.want_id = w.want_id)) order by created_event_id limit 1");
        String deepRef = (String) db.fetchValue("select ref from partition_instance order by downstream_count desc, ref limit 1");
        String retry = (String) db.fetchValue("select job_run_id from job_run where attempt > 1 order by buffered_event_id limit 1");
        Map<String, Object> vars = Map.of("id", want, "ref", deepRef, "run", retry, "hub", EventGenerator.HUB_REF);

        List<String> sql = Collections.synchronizedList(new ArrayList<>());
        statements.record(sql);
        VIEWS.forEach((name, doc) -> graphQl.document(doc).variables(vars).execute().errors().verify());
        statements.record(null);

        StringBuilder report = new StringBuilder("Query plans on " + TestDatabase.kind() + ", " + db.fetchCount(
                dev.databuild.lineage.db.Tables.EVENT_LOG) + " events; entities " + vars + "\n\n");
        List<String> seqScans = new ArrayList<>();
        for (String statement : new java.util.LinkedHashSet<>(sql)) {
            String plan = String.join("\n", db.fetch("EXPLAIN " + statement).map(r -> String.valueOf(r.get(0))));
            report.append(statement).append("\n").append(plan).append("\n\n");
            for (String line : plan.split("\n")) {
                if (line.contains("Seq Scan") && !line.matches(".*Seq Scan on (log_head|flyway_schema_history).*")) {
                    seqScans.add(line.trim() + "   <- " + statement);
                }
            }
        }
        Path out = Path.of("target", "query-plans.txt");
        Files.writeString(out, report);
        System.out.println("QUERY PLANS: " + new java.util.LinkedHashSet<>(sql).size() + " distinct statements, written to " + out.toAbsolutePath());
        assertThat(seqScans).as("sequential scans").isEmpty();
    }
}
