package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.reliability.Hostile.json;
import static dev.databuild.lineage.reliability.Hostile.ndjson;
import static dev.databuild.lineage.reliability.Hostile.protobuf;
import static dev.databuild.lineage.reliability.Hostile.rawEvent;
import static dev.databuild.lineage.reliability.Wire.message;

import com.google.protobuf.util.JsonFormat;
import dev.databuild.lineage.ingest.Events;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Bodies that must not decode: broken framing, wrong wire types, bad text, absurd nesting and sizes. */
final class HostileBodies {

    private static final byte[] VALID = Http.delimited(List.of(Events.want("W-100", "data/new")));
    private static final int MB = 1024 * 1024;

    private HostileBodies() {
    }

    static List<Hostile> all() {
        List<Hostile> all = new ArrayList<>(framing());
        all.addAll(wireTypes());
        all.addAll(text());
        all.addAll(jsonShapes());
        all.addAll(sizes());
        return all;
    }

    static List<Hostile> framing() {
        return List.of(
                protobuf("truncated varint after a valid event", Wire.concat(VALID, new byte[]{(byte) 0x80}), 400, 1, "length prefix"),
                protobuf("varint longer than 10 bytes", message().raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff).bytes(), 400, 0, "length prefix"),
                protobuf("length prefix 2^31-1", message().varint(Integer.MAX_VALUE).raw(1, 2, 3).bytes(), 400, 0, "bytes but only"),
                protobuf("length prefix 2^32-1 (negative as int32)", message().varint(0xffffffffL).raw(1, 2, 3).bytes(), 400, 0, "length prefix says -1"),
                protobuf("length past the end after a valid event", Wire.concat(VALID, message().varint(100).raw(1, 2, 3).bytes()), 400, 1, "only 3 remain"),
                protobuf("zero-length message", message().varint(0).bytes(), 400, 0, "none of the oneof"),
                protobuf("message ends inside a field", message().tag(17, Wire.LEN).varint(50).raw('a').framed(), 400, 0, "not a valid DataBuildEvent"),
                protobuf("garbage bytes (seeded)", () -> {
                    byte[] b = new byte[4096];
                    new Random(7).nextBytes(b);
                    return b;
                }, 400, 0, "cannot be decoded"),
                protobuf("10,000 nested groups", () -> {
                    Wire w = message();
                    for (int i = 0; i < 10_000; i++) {
                        w.tag(99, Wire.START_GROUP);
                    }
                    return w.framed();
                }, 400, 0, "not a valid DataBuildEvent"));
    }

    static List<Hostile> wireTypes() {
        Wire want = message().stringField(1, "W-9").messageField(2, message().stringField(1, "data/x"));
        return List.of(
                rawEvent("want_create_v1 sent as a varint", message().varintField(17, 5), 400, "field 17 (want_create_v1)"),
                rawEvent("event_id sent length-delimited", message().messageField(17, want).stringField(2, "12"), 400, "field 2 (event_id)"),
                rawEvent("ref sent as a varint", message().messageField(17, message().stringField(1, "W-9")
                        .messageField(2, message().varintField(1, 7))), 400, "field 1 (want_create_v1.partitions.ref)"),
                // a success whose lineage would be silently dropped if the mistyped field were ignored
                rawEvent("read_deps sent as a fixed64", message().messageField(13, message().stringField(1, "JR-100X")
                        .tag(2, Wire.I64).raw(1, 2, 3, 4, 5, 6, 7, 8)), 400, "field 2 (job_run_success_v1.read_deps)"),
                rawEvent("wire type 7 does not exist", message().messageField(17, want).tag(1, 7), 400, "cannot be decoded"),
                rawEvent("unterminated group", message().messageField(17, want).tag(99, Wire.START_GROUP), 400, "cannot be decoded"),
                rawEvent("unknown oneof member 21 only", message().messageField(21, want), 400, "none of the oneof"));
    }

    static List<Hostile> text() {
        return List.of(
                rawEvent("invalid UTF-8 in a ref", Wire.wantWithRefBytes("W-9", new byte[]{'a', (byte) 0xff, (byte) 0xfe}), 400, "UTF-8"),
                rawEvent("UTF-8-encoded surrogate in a ref", Wire.wantWithRefBytes("W-9", new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}), 400, "UTF-8"),
                rawEvent("NUL byte in a ref", Wire.wantWithRefBytes("W-9", new byte[]{'a', 0, 'b'}), 400, "NUL"),
                json("JSON: escaped NUL in a ref", jsonBatch("{\"wantCreateV1\":{\"wantId\":\"W-9\",\"partitions\":[{\"ref\":\"a\\u0000b\"}]}}"), 400, 2, "NUL"),
                json("JSON: lone surrogate in a ref", jsonBatch("{\"wantCreateV1\":{\"wantId\":\"W-9\",\"partitions\":[{\"ref\":\"a\\ud800b\"}]}}"), 400, 2, "surrogate"),
                json("JSON: invalid UTF-8", () -> Wire.concat("[{\"wantCreateV1\":{\"wantId\":\"W-".getBytes(StandardCharsets.UTF_8),
                        new byte[]{(byte) 0xc3, (byte) 0x28}, "\"}}]".getBytes(StandardCharsets.UTF_8)), 400, null, "not valid JSON (at byte offset: #32)"),
                ndjson("NDJSON: invalid UTF-8 on line 2", () -> Wire.concat(jsonEvent(Events.want("W-9", "x")).getBytes(StandardCharsets.UTF_8),
                        "\n{\"wantCreateV1\":{\"wantId\":\"W-".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xff},
                        "\"}}".getBytes(StandardCharsets.UTF_8)), 400, 1, "UTF-8"));
    }

    static List<Hostile> jsonShapes() {
        String ok = "{\"wantCreateV1\":{\"wantId\":\"W-9\",\"partitions\":[{\"ref\":\"x\"}]";
        return List.of(
                json("JSON: unknown nested field", jsonBatch(ok + ",\"colour\":\"red\"}}"), 400, 2, "colour"),
                json("JSON: eventId is a boolean", jsonBatch("{\"eventId\":true," + ok.substring(1) + "}}"), 400, 2, "eventId"),
                json("JSON: eventId is a fraction", jsonBatch("{\"eventId\":1.5," + ok.substring(1) + "}}"), 400, 2, "1.5"),
                json("JSON: eventId is negative", jsonBatch("{\"eventId\":\"-1\"," + ok.substring(1) + "}}"), 400, 2, "-1"),
                json("JSON: eventId beyond uint64", jsonBatch("{\"eventId\":\"18446744073709551616\"," + ok.substring(1) + "}}"), 400, 2, "18446744073709551616"),
                json("JSON: timestamp as an ISO string", jsonBatch("{\"timestamp\":\"2025-01-01T00:00:00Z\"," + ok.substring(1) + "}}"), 400, 2, "Not an uint64 value"),
                json("JSON: partitions is a string", jsonBatch("{\"wantCreateV1\":{\"wantId\":\"W-9\",\"partitions\":\"x\"}}"), 400, 2, "partitions"),
                json("JSON: the payload is an array", jsonBatch("{\"wantCreateV1\":[]}"), 400, 2, "Expect message object"),
                json("JSON: two oneof members", jsonBatch(ok + "},\"wantCancelV1\":{\"wantId\":\"W-001\"}}"), 400, 2, "oneof"),
                json("JSON: the same key twice", jsonBatch("{\"wantCancelV1\":{\"wantId\":\"W-001\",\"wantId\":\"W-404\"}}"), 400, null, "wantId"),
                ndjson("NDJSON: the same key twice", () -> "{\"wantCancelV1\":{\"wantId\":\"W-001\",\"wantId\":\"W-404\"}}"
                        .getBytes(StandardCharsets.UTF_8), 400, 0, "wantId"),
                json("JSON: a null event", jsonBatch("null"), 400, 2, "cannot be decoded"),
                json("JSON: a number as an event", jsonBatch("42"), 400, 2, "cannot be decoded"),
                json("JSON: 10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000), 400, null, "not valid JSON"),
                json("JSON: 10,000 nested objects in an event", jsonBatch("{\"wantCreateV1\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)),
                        400, null, "not valid JSON"),
                ndjson("NDJSON: 10,000 nested arrays", () -> ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8), 400, 0, "cannot be decoded"),
                ndjson("NDJSON: 10,000 nested objects", () -> ("{\"wantCreateV1\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001))
                        .getBytes(StandardCharsets.UTF_8), 400, 0, "cannot be decoded"));
    }

    static List<Hostile> sizes() {
        return List.of(
                rawEvent("10 MB ref (protobuf)", Wire.wantWithRefBytes("W-9", big(10 * MB)), 400, "at most 1024"),
                json("10 MB ref (JSON)", () -> ("[{\"wantCreateV1\":{\"wantId\":\"W-9\",\"partitions\":[{\"ref\":\"" + "r".repeat(10 * MB) + "\"}]}}]")
                        .getBytes(StandardCharsets.UTF_8), 400, 0, "at most 1024"),
                ndjson("10 MB want_id (NDJSON)", () -> ("{\"wantCreateV1\":{\"wantId\":\"" + "w".repeat(10 * MB) + "\",\"partitions\":[{\"ref\":\"x\"}]}}")
                        .getBytes(StandardCharsets.UTF_8), 400, 0, "at most 255"),
                rawEvent("10 MB failure reason", message().messageField(14, message().stringField(1, "JR-100X").bytesField(2, big(10 * MB))), 400, "at most 100000"));
    }

    private static byte[] big(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'r');
        return b;
    }

    static String jsonEvent(DataBuildEvent e) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(e);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The prefix as JSON, then the given raw JSON events (the first is #2). */
    static String jsonBatch(String... bad) {
        List<String> all = new ArrayList<>(Hostile.prefix().stream().map(HostileBodies::jsonEvent).toList());
        all.addAll(List.of(bad));
        return all.stream().collect(Collectors.joining(",", "[", "]"));
    }
}
