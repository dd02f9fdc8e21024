package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.ingest.Events.buffer;
import static dev.databuild.lineage.ingest.Events.want;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One hostile input and what the service must answer: the status, the index of the event named
 * (null when the body as a whole is refused) and a fragment of the reason.
 */
record Hostile(String name, String contentType, Supplier<byte[]> body, int status, Integer index, String reason) {

    static final String PROTOBUF = "application/x-protobuf";
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";

    /** A valid want and a run for it, so that every bad event comes after work that must be undone. */
    static List<DataBuildEvent> prefix() {
        return List.of(want("W-100", "data/new"), buffer("JR-100X", "//jobs:new", "W-100", "data/new"));
    }

    static Hostile protobuf(String name, byte[] body, int status, Integer index, String reason) {
        return new Hostile(name, PROTOBUF, () -> body, status, index, reason);
    }

    static Hostile protobuf(String name, Supplier<byte[]> body, int status, Integer index, String reason) {
        return new Hostile(name, PROTOBUF, body, status, index, reason);
    }

    /** The prefix, then {@code bad}, as one protobuf batch: the bad event is #2 unless it is later. */
    static Hostile events(String name, int status, int index, String reason, DataBuildEvent... bad) {
        List<DataBuildEvent> batch = new ArrayList<>(prefix());
        batch.addAll(List.of(bad));
        return new Hostile(name, PROTOBUF, () -> Http.delimited(batch), status, index, reason);
    }

    /** The prefix as protobuf, then raw bytes of one more framed event. */
    static Hostile rawEvent(String name, Wire event, int status, String reason) {
        return new Hostile(name, PROTOBUF, () -> Wire.concat(Http.delimited(prefix()), event.framed()), status, 2, reason);
    }

    static Hostile json(String name, String body, int status, Integer index, String reason) {
        return new Hostile(name, JSON, () -> body.getBytes(StandardCharsets.UTF_8), status, index, reason);
    }

    static Hostile json(String name, Supplier<byte[]> body, int status, Integer index, String reason) {
        return new Hostile(name, JSON, body, status, index, reason);
    }

    static Hostile ndjson(String name, Supplier<byte[]> body, int status, Integer index, String reason) {
        return new Hostile(name, NDJSON, body, status, index, reason);
    }

    @Override
    public String toString() {
        return name;
    }
}
