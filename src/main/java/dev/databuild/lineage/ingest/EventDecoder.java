package dev.databuild.lineage.ingest;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a request body in one of the three accepted encodings; any defect is a 400 naming the event. */
public final class EventDecoder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonFormat.Parser PROTO_JSON = JsonFormat.parser();

    private EventDecoder() {
    }

    /** Varint-length-delimited DataBuildEvents, as {@code writeDelimitedTo} writes them. */
    public static List<DataBuildEvent> delimited(byte[] body) {
        List<DataBuildEvent> events = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(body);
        try {
            while (!in.isAtEnd()) {
                int index = events.size();
                int length;
                try {
                    length = in.readRawVarint32();
                } catch (InvalidProtocolBufferException ex) {
                    throw malformed(index, "its length prefix is not a valid varint (" + ex.getMessage() + ")");
                }
                if (length < 0 || length > body.length - in.getTotalBytesRead()) {
                    throw malformed(index, "its length prefix says " + length + " bytes but only "
                            + (body.length - in.getTotalBytesRead()) + " remain in the body");
                }
                byte[] message = in.readRawBytes(length);
                try {
                    events.add(DataBuildEvent.parseFrom(message));
                } catch (InvalidProtocolBufferException ex) {
                    throw malformed(index, "it is not a valid DataBuildEvent (" + ex.getMessage() + ")");
                }
            }
        } catch (IOException ex) {
            throw malformed(events.size(), "the body ends inside it (" + ex.getMessage() + ")");
        }
        return nonEmpty(events);
    }

    /** A JSON array of events in the proto3 JSON mapping. */
    public static List<DataBuildEvent> jsonArray(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException ex) {
            throw EventRejected.malformed("the body is not valid JSON: " + ex.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw EventRejected.malformed("application/json bodies must be a JSON array of events");
        }
        List<DataBuildEvent> events = new ArrayList<>();
        for (JsonNode node : root) {
            events.add(fromJson(events.size(), node.toString()));
        }
        return nonEmpty(events);
    }

    /** One JSON event per line; blank lines are ignored. */
    public static List<DataBuildEvent> ndjson(byte[] body) {
        List<DataBuildEvent> events = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank()) {
                events.add(fromJson(events.size(), line));
            }
        }
        return nonEmpty(events);
    }

    private static DataBuildEvent fromJson(int index, String json) {
        try {
            DataBuildEvent.Builder b = DataBuildEvent.newBuilder();
            PROTO_JSON.merge(json, b);
            return b.build();
        } catch (InvalidProtocolBufferException | RuntimeException ex) {
            throw malformed(index, "it is not a DataBuildEvent in the proto3 JSON mapping (" + ex.getMessage() + ")");
        }
    }

    private static List<DataBuildEvent> nonEmpty(List<DataBuildEvent> events) {
        if (events.isEmpty()) {
            throw EventRejected.malformed("the request body holds no events");
        }
        return events;
    }

    private static EventRejected malformed(int index, String why) {
        return EventRejected.malformed("event #" + index + " cannot be decoded: " + why).at(index, 0);
    }
}
