package dev.databuild.lineage.ingest;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a request body in one of the three accepted encodings; any defect is a 400 naming the event. */
public final class EventDecoder {

    // a key given twice would otherwise silently keep the last value
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
                DataBuildEvent event;
                try {
                    event = DataBuildEvent.parseFrom(message);
                } catch (InvalidProtocolBufferException ex) {
                    throw malformed(index, "it is not a valid DataBuildEvent (" + ex.getMessage() + ")");
                }
                mistypedFields(index, event, "");
                events.add(event);
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
            // no event index before the array parses: the position is the next best thing to name
            String at = ex.getLocation() == null ? "" : " (at " + ex.getLocation().offsetDescription() + ")";
            throw EventRejected.malformed("the body is not valid JSON" + at + ": " + ex.getOriginalMessage());
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
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            String line = utf8(events.size(), body, start, end);
            if (!line.isBlank()) {
                events.add(fromJsonText(events.size(), line));
            }
            start = end + 1;
        }
        return nonEmpty(events);
    }

    /** Strict: a replacement character in place of bad bytes would store something nobody sent. */
    private static String utf8(int index, byte[] body, int start, int end) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body, start, end - start)).toString();
        } catch (CharacterCodingException ex) {
            throw malformed(index, "its line is not valid UTF-8");
        }
    }

    /** Through Jackson first, for its limits (nesting depth, duplicate keys) the proto parser lacks. */
    private static DataBuildEvent fromJsonText(int index, String line) {
        try {
            return fromJson(index, JSON.readTree(line).toString());
        } catch (JacksonException ex) {
            throw malformed(index, "it is not valid JSON: " + ex.getOriginalMessage());
        }
    }

    /**
     * A field number the contract knows but with another wire type lands among the unknown fields:
     * ignoring it would drop data (a success's read_deps, say) without a word. Field numbers the
     * contract does not know are kept, as proto3 requires, and stored with the event.
     */
    private static void mistypedFields(int index, Message m, String path) {
        for (int number : m.getUnknownFields().asMap().keySet()) {
            FieldDescriptor f = m.getDescriptorForType().findFieldByNumber(number);
            if (f != null) {
                throw malformed(index, "field " + number + " (" + path + f.getName() + ") does not have the wire type of a "
                        + f.getType().name().toLowerCase() + (f.isRepeated() ? " list" : ""));
            }
        }
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            if (e.getKey().getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                String inner = path + e.getKey().getName() + ".";
                if (e.getValue() instanceof List<?> list) {
                    list.forEach(v -> mistypedFields(index, (Message) v, inner));
                } else {
                    mistypedFields(index, (Message) e.getValue(), inner);
                }
            }
        }
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
