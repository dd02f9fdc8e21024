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

    private void runs() {
        if (runIds.isEmpty()) {
            return;
        }
        String id = runIds.get(rng.nextInt(runIds.size()));
        JsonNode data = graphQl("{ node(id: \"" + GlobalId.of("JobRun", id) + "\") { ... on JobRun { jobRunId status attempt bufferedAt } } }");
        if (data != null) {
            JsonNode run = data.path("node");
            if (!id.equals(run.path("jobRunId").asString()) || JobRunStatus.valueOf(run.path("status").asString()) == null) {
                failure.accept("node(" + id + ") answered " + run);
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
