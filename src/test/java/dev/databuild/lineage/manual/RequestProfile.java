package dev.databuild.lineage.manual;

import dev.databuild.lineage.bench.BenchDatabase;
import dev.databuild.lineage.bench.LikeProduction;
import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.RawHttp;
import dev.databuild.lineage.support.StatementCounter;
import dev.databuild.lineage.support.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a request's time goes, by hand: ingests a benchmark log, warms the JIT with rounds of the
 * small requests ({@link #warmJit}), then per request many warm-ups,
 * timed reps (p50 wall time and the CPU time of the thread that served it) and, with
 * -Dprofile.jfr=true, a JFR recording of that request alone (/tmp/prof-NAME.jfr). Choose requests
 * with -Dprofile.only=jobrun,fanout; the table is also written to target/profile-table.md. Requests go
 * over one kept-alive socket ({@link RawHttp}); -Dprofile.client=jdk sends them with the JDK's
 * HttpClient instead, which added ~1.6 ms to an empty request's p50 here.
 */
@TestPropertySource(properties = {"lineage.graphql.max-page-size=1000", "lineage.graphql.max-complexity=100000000",
        "lineage.graphql.max-depth=30", "lineage.graphql.request-timeout=300s", "logging.level.dev.databuild=WARN"})
@Import(RequestProfile.ServerCpu.class)
@ContextConfiguration(initializers = BenchDatabase.class)
class RequestProfile extends DatabaseTest {

    static {
        LikeProduction.assertionsOff();
    }

    static final ConcurrentLinkedQueue<Long> SERVER_CPU = new ConcurrentLinkedQueue<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class ServerCpu {
        @Bean
        FilterRegistrationBean<jakarta.servlet.Filter> serverCpuFilter() {
            var bean = new FilterRegistrationBean<jakarta.servlet.Filter>((req, res, chain) -> {
                long t0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                chain.doFilter(req, res);
                SERVER_CPU.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0);
            });
            bean.setOrder(Integer.MIN_VALUE);
            bean.addUrlPatterns("/graphql");
            return bean;
        }
    }

    @Autowired
    IngestService ingest;
    @Autowired
    StatementCounter statements;

    @Test
    void profile() throws Exception {
        long events = Long.getLong("bench.events", 10_000);
        List<DataBuildEvent> chunk = new ArrayList<>();
        for (var it = new EventGenerator(EventGenerator.Params.benchmark(42, events, (int) Math.min(events / 10, 100_000), 50)).iterator(); it.hasNext(); ) {
            chunk.add(it.next());
            if (chunk.size() == 10_000 || !it.hasNext()) {
                ingest.ingest(chunk);
                chunk.clear();
            }
        }
        List<String> only = Arrays.asList(System.getProperty("profile.only", "").split(","));
        int warmups = Integer.getInteger("profile.warmups", 300);
        int reps = Integer.getInteger("profile.reps", 150);
        StringBuilder planning = new StringBuilder();
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        if (PG_STATS) {
            db.execute("create extension if not exists pg_stat_statements");
        }
        StringBuilder table = new StringBuilder("| request | p50 ms | server thread CPU p50 ms | statements | KB |\n|---|---|---|---|---|\n");
        Map<String, List<String>> requests = requests();
        warmJit(requests);
        for (var e : requests.entrySet()) {
            if (!only.contains(e.getKey()) && !only.equals(List.of(""))) {
                continue;
            }
            // several bodies: the same request for other subjects, sent in turn
            List<String> bodies = e.getValue();
            String body = bodies.get(0);
            for (int i = 0; i < warmups; i++) {
                post(bodies.get(i % bodies.size()));
            }
            long s0 = statements.total();
            int size = post(body).length();
            long stmts = statements.total() - s0;
            // every body once: how many keys a statement binds (its text, below eight) follows the subject
            statements.recordAsSent(sent);
            for (String b : bodies) {
                post(b);
            }
            statements.recordAsSent(null);
            SERVER_CPU.clear();
            if (PG_STATS) {
                db.fetch("select pg_stat_statements_reset()");
            }
            long[] nanos = new long[reps];
            long[] without = new long[AB ? reps : 0];
            for (int i = 0; i < reps; i++) {
                String b = bodies.get(i % bodies.size());
                long t0 = System.nanoTime();
                post(b);
                nanos[i] = System.nanoTime() - t0;
                if (AB) {
                    // the same request with statements rendered as jOOQ does, in turn, in this JVM
                    Templates.enabled(false);
                    t0 = System.nanoTime();
                    post(b);
                    without[i] = System.nanoTime() - t0;
                    Templates.enabled(true);
                }
            }
            if (AB) {
                Arrays.sort(without);
                table.append(String.format("| %s, statements rendered each time | %.2f | | | |%n", e.getKey(), without[reps / 2] / 1e6));
            }
            Arrays.sort(nanos);
            long[] cpu = SERVER_CPU.stream().mapToLong(Long::longValue).sorted().toArray();
            // with -Dprofile.ab the serving threads' CPU is of both ways: not shown
            table.append(String.format("| %s | %.2f | %s | %d | %.1f |%n", e.getKey(), nanos[reps / 2] / 1e6,
                    cpu.length == 0 || AB ? "-" : String.format("%.2f", cpu[cpu.length / 2] / 1e6), stmts, size / 1024.0));
            if (PG_STATS) {
                planning.append(statementCosts(e.getKey()));
            }
            if (Boolean.getBoolean("profile.jfr")) {
                record(e.getKey(), body);
            }
        }
        // what a connection's cache of prepared statements must hold for these requests (PostgreSQL's driver keeps 256)
        table.append(String.format("%nDistinct statement texts sent: %d%n", new java.util.HashSet<>(sent).size()));
        table.append(planning);
        System.out.println(table);
        Files.writeString(Path.of("target/profile-table.md"), table.toString());
    }

    /**
     * -Dprofile.jitRounds (default 5,000): rounds of the empty request and the three views before
     * any request is timed. What every request runs once (Tomcat, Spring MVC, the engine's setup, JSON)
     * is compiled by C2 only after some ten thousand requests; after 2,000 warm-ups of its own the
     * empty request took 0.70-1.21 ms, after 30,000 0.17, and every request carries that difference.
     */
    private void warmJit(Map<String, List<String>> bodies) {
        int rounds = Integer.getInteger("profile.jitRounds", 5_000);
        List<String> small = List.of("typename", "partition", "jobrun", "hubpage");
        for (int i = 0; i < rounds; i++) {
            for (String name : small) {
                post(bodies.get(name).get(0));
            }
        }
    }

    private Map<String, List<String>> requests() throws IOException {
        String want = String.valueOf(db.fetchValue("""
                select jw.want_id from job_run_want jw join want d on d.triggered_by_run_id = jw.job_run_id
                group by jw.want_id order by count(*) desc, jw.want_id limit 1"""));
        String mid = String.valueOf(db.fetchValue("select ref from partition_ref where ref like 'data/l25/%' order by ref limit 1"));
        String retried = String.valueOf(db.fetchValue("select job_run_id from job_run where attempt > 1 order by job_run_id limit 1"));
        String hub = String.valueOf(db.fetchValue("select current_uuid from partition_ref where ref = ?", EventGenerator.HUB_REF));
        String at = Instant.ofEpochMilli(((Number) db.fetchValue("select max(created_at) from partition_instance")).longValue()).toString();
        Map<String, String> out = new LinkedHashMap<>();
        // the fixed cost of a GraphQL request: HTTP, the servlet and Spring MVC, the engine, JSON; no SQL
        out.put("typename", JSON.writeValueAsString(Map.of("query", "{ __typename }")));
        out.put("want", body("graphql-test/wantFulfilment.graphql", Map.of("wantId", want)));
        out.put("partition", body("graphql-test/partitionLineage.graphql", Map.of("ref", mid, "at", at)));
        out.put("jobrun", body("graphql-test/jobRunDetail.graphql", Map.of("jobRunId", retried)));
        for (int depth : new int[] {3, 10, 50}) {
            out.put("lineage" + depth, body("graphql-test/lineage.graphql", Map.of("ref", mid, "depth", depth, "perNodeLimit", 10)));
        }
        out.put("hubpage", body("graphql-test/consumers.graphql", Map.of("uuid", hub)));
        out.put("fanout", body("bench/fanOut.graphql", Map.of("uuid", hub, "first", 1000)));
        // the fan-out page taken apart: its 1,000 runs alone, then with each run's wrote count
        out.put("fanout-runs", body("bench/fanOutRuns.graphql", Map.of("uuid", hub, "first", 1000)));
        out.put("fanout-counts", body("bench/fanOutWroteCounts.graphql", Map.of("uuid", hub, "first", 1000)));
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        out.forEach((k, v) -> bodies.put(k, List.of(v)));
        // job run detail over 2,000 different runs, in turn: what a benchmark that asks one subject
        // again and again never sees (statements whose text carried the run id were parsed anew)
        List<String> varied = new ArrayList<>();
        for (Object run : db.fetchValues("select job_run_id from job_run order by job_run_id limit 2000")) {
            varied.add(body("graphql-test/jobRunDetail.graphql", Map.of("jobRunId", run)));
        }
        bodies.put("jobrun-varied", varied);
        return bodies;
    }

    /**
     * -Dlineage.test.pgStatStatements=true (PostgreSQL): per statement of the timed reps, how often
     * PostgreSQL planned it against how often it ran it, and the mean time of each.
     */
    private static final boolean PG_STATS = Boolean.getBoolean("lineage.test.pgStatStatements");

    private String statementCosts(String request) {
        StringBuilder out = new StringBuilder("\n" + request
                + ":\n\n| calls | plans | plan ms mean | exec ms mean | rows/call | statement |\n|---|---|---|---|---|---|\n");
        for (var r : db.fetch("""
                select calls, plans, mean_plan_time, mean_exec_time, rows, query from pg_stat_statements
                where query not like '%pg_stat_statements%' and calls > 0
                order by total_exec_time + total_plan_time desc limit 15""")) {
            long calls = ((Number) r.get(0)).longValue();
            String query = String.valueOf(r.get(5)).replaceAll("\\s+", " ");
            out.append(String.format("| %d | %d | %.3f | %.3f | %.1f | %s |%n", calls, ((Number) r.get(1)).longValue(),
                    ((Number) r.get(2)).doubleValue(), ((Number) r.get(3)).doubleValue(), ((Number) r.get(4)).doubleValue() / calls,
                    query.substring(0, Math.min(160, query.length()))));
            if (Boolean.getBoolean("profile.explain") && ((Number) r.get(3)).doubleValue() > 0.3) {
                out.append("\n```\n").append(query).append('\n').append(genericPlan(String.valueOf(r.get(5)))).append("```\n\n");
            }
        }
        return out.toString();
    }

    /** The plan PostgreSQL (16+) keeps for {@code query}, made without its values, run with nulls for them. */
    private String genericPlan(String query) {
        int params = (int) java.util.regex.Pattern.compile("\\$(\\d+)").matcher(query).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        StringBuilder out = new StringBuilder();
        db.connection(c -> {
            try (var st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_generic_plan");
                st.execute("prepare explained as " + query);
                String nulls = String.join(", ", java.util.Collections.nCopies(params, "null"));
                try (var rs = st.executeQuery("explain (analyze, costs off) execute explained(" + nulls + ")")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                } finally {
                    st.execute("deallocate explained");
                    st.execute("reset plan_cache_mode");
                }
            } catch (java.sql.SQLException ex) {
                out.append(ex.getMessage()).append('\n');
            }
        });
        return out.toString();
    }

    private void record(String name, String body) throws Exception {
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            long end = System.nanoTime() + Long.getLong("profile.jfrSeconds", 20) * 1_000_000_000L;
            while (System.nanoTime() < end) {
                post(body);
            }
            r.stop();
            r.dump(Path.of("/tmp/prof-" + name + ".jfr"));
        }
    }

    /** -Dprofile.ab=true: each rep is sent twice, with templates and without ({@link Templates#enabled}). */
    private static final boolean AB = Boolean.getBoolean("profile.ab");
    private static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("profile.client"));
    /** Made on the first request: the port is known only once the server runs. */
    private RawHttp raw;

    private String post(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Http.Response r;
        if (JDK_CLIENT) {
            r = Http.post(port, "/graphql", "application/json", bytes);
        } else {
            if (raw == null) {
                raw = new RawHttp(port);
            }
            r = raw.post("/graphql", "application/json", bytes);
        }
        if (r.status() != 200 || r.body().contains("\"errors\"")) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        return r.body();
    }

    private static String body(String resource, Map<String, Object> variables) throws IOException {
        try (InputStream in = RequestProfile.class.getResourceAsStream("/" + resource)) {
            return JSON.writeValueAsString(Map.of("query", new String(in.readAllBytes(), StandardCharsets.UTF_8), "variables", variables));
        }
    }
}
