package dev.databuild.lineage.reliability;

import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.JobRunStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One reader under load: follows the log (JSON and protobuf) and asks GraphQL where the log stands
 * and for runs by global id, checking every answer is sane and the log head never goes back.
 */
final class LoadReader {

    private final int port;
    private final List<String> runIds;
    private final BiConsumer<Http.Response, String> count;
    private final Consumer<String> failure;
    private final SplittableRandom rng = new SplittableRandom();
    private long head;

    LoadReader(int port, List<String> runIds, BiConsumer<Http.Response, String> count, Consumer<String> failure) {
        this.port = port;
        this.runIds = runIds;
        this.count = count;
        this.failure = failure;
    }

    void run(long deadline) {
        for (int i = 0; System.nanoTime() < deadline; i++) {
            switch (i % 3) {
                case 0 -> followLog(i % 2 == 0);
                case 1 -> eventLog();
                default -> runs();
            }
        }
    }

    private void followLog(boolean json) {
        long after = head == 0 ? 0 : rng.nextLong(head);
        Http.Response r = Http.get(port, "/api/events?after=" + after + "&limit=100", "Accept", json ? "application/json" : "application/x-protobuf");
        count.accept(r, "reads");
        if (r.status() != 200) {
            return;
        }
        long logHead = Long.parseLong(r.raw().headers().firstValue("Lineage-Log-Head").orElse("-1"));
        long last = after;
        if (json) {
            for (JsonNode e : Encoding.answer(r)) {
                last = check(last, Long.parseLong(e.path("eventId").asString()), logHead);
            }
        } else {
            var in = new java.io.ByteArrayInputStream(r.bytes());
            try {
                for (var e = dev.databuild.lineage.proto.DataBuildEvent.parseDelimitedFrom(in); e != null;
                     e = dev.databuild.lineage.proto.DataBuildEvent.parseDelimitedFrom(in)) {
                    last = check(last, e.getEventId(), logHead);
                }
            } catch (java.io.IOException ex) {
                failure.accept("GET /api/events gave undecodable protobuf: " + ex);
            }
        }
    }

    private long check(long previous, long id, long logHead) {
        if (id <= previous || id > logHead) {
            failure.accept("GET /api/events gave id " + id + " after " + previous + " with head " + logHead);
        }
        return id;
    }

    private void eventLog() {
        JsonNode data = graphQl("{ eventLog { lastEventId eventCount } }");
        if (data != null) {
            long now = data.path("eventLog").path("lastEventId").asLong();
            if (now < head) {
                failure.accept("eventLog.lastEventId went back from " + head + " to " + now);
            }
            head = now;
        }
    }

    /** The job run detail view of a random run, then the lineage of what it wrote. */
    private void runs() {
        if (runIds.isEmpty()) {
            return;
        }
        String id = runIds.get(rng.nextInt(runIds.size()));
        JsonNode data = graphQl("{ jobRun(jobRunId: \"" + id + "\") { jobRunId status attempt statusHistory { status }"
                + " scheduledFor { nodes { wantId status jobRuns { totalCount } derivativeWants { totalCount } } }"
                + " read { totalCount nodes { uuid } } wrote { nodes { ref uuid status upstream { totalCount }"
                + " consumers { totalCount } } } attempts { jobRunId } previousAttempt { jobRunId } } }");
        if (data == null) {
            return;
        }
        JsonNode run = data.path("jobRun");
        if (!id.equals(run.path("jobRunId").asString()) || JobRunStatus.valueOf(run.path("status").asString()) == null) {
            failure.accept("jobRun(" + id + ") answered " + run);
            return;
        }
        JsonNode wrote = run.path("wrote").path("nodes");
        if (!wrote.isEmpty()) {
            JsonNode graph = graphQl("{ lineage(ref: \"" + wrote.get(0).path("ref").asString() + "\", depth: 3) { truncated nodes { id depth } edges { from to } } }");
            if (graph != null && graph.path("lineage").path("nodes").isEmpty()) {
                failure.accept("lineage of " + wrote.get(0).path("ref").asString() + " has no nodes");
            }
        }
    }

    private JsonNode graphQl(String query) {
        String body = "{\"query\":" + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(query) + "}";
        Http.Response r = Http.post(port, "/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8));
        count.accept(r, "reads");
        if (r.status() != 200) {
            return null;
        }
        JsonNode answer = Encoding.answer(r);
        if (answer.has("errors")) {
            failure.accept(query + " answered errors: " + answer.path("errors"));
            return null;
        }
        return answer.path("data");
    }
}
