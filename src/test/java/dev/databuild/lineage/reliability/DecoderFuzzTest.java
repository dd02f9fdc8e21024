package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.EventDecoder;
import dev.databuild.lineage.ingest.EventRejected;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The three decoders on their own (no server, so thousands of inputs a second): whatever the bytes,
 * the answer is a list of events or a 400 naming where; never another exception. What decodes
 * survives the round trip through the form it is stored in, so replaying the log reads it back.
 */
@AddLifecycleHook(FuzzTries.class)
class DecoderFuzzTest {

    @Property(tries = 1000)
    void protobufSurvivesMutatedStreams(@ForAll("tapes") List<Integer> tape, @ForAll("mutations") List<Mutation> mutations) {
        byte[] body = Mutation.applyAll(Http.delimited(valid(tape)), mutations);
        decodes(body, EventDecoder::delimited);
    }

    @Property(tries = 1000)
    void protobufSurvivesRandomBytes(@ForAll @Size(max = 600) byte[] body) {
        decodes(body, EventDecoder::delimited);
    }

    @Property(tries = 1000)
    void jsonSurvivesMutatedArrays(@ForAll("tapes") List<Integer> tape, @ForAll("mutations") List<Mutation> mutations) {
        byte[] body = Mutation.applyAll(Http.jsonArray(valid(tape)), mutations);
        decodes(body, EventDecoder::jsonArray);
        decodes(body, EventDecoder::ndjson);
    }

    @Property(tries = 1000)
    void jsonSurvivesRandomDocuments(@ForAll("jsonEvents") String event) {
        decodes(("[" + event + "]").getBytes(StandardCharsets.UTF_8), EventDecoder::jsonArray);
        decodes(event.getBytes(StandardCharsets.UTF_8), EventDecoder::ndjson);
    }

    private static List<DataBuildEvent> valid(List<Integer> tape) {
        return new BelModel("f", Choices.tape(tape)).take(1 + tape.size() % 12);
    }

    private static void decodes(byte[] body, Function<byte[], List<DataBuildEvent>> decoder) {
        List<DataBuildEvent> events;
        try {
            events = decoder.apply(body);
        } catch (EventRejected ex) {
            assertThat(ex.status().value()).as(ex.getMessage()).isEqualTo(400);
            assertThat(ex.getMessage()).isNotBlank();
            return;
        }
        assertThat(events).isNotEmpty();
        assertThat(EventDecoder.delimited(Http.delimited(events))).as("protobuf round trip").isEqualTo(events);
        // the JSON mapping has no place for unknown fields: only events without any survive it whole
        if (events.stream().noneMatch(DecoderFuzzTest::hasUnknownFields)) {
            assertThat(EventDecoder.jsonArray(Http.jsonArray(events))).as("JSON round trip").isEqualTo(events);
        }
    }

    static boolean hasUnknownFields(com.google.protobuf.Message m) {
        if (!m.getUnknownFields().asMap().isEmpty()) {
            return true;
        }
        for (Object value : m.getAllFields().values()) {
            for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                if (v instanceof com.google.protobuf.Message inner && hasUnknownFields(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Provide
    Arbitrary<List<Integer>> tapes() {
        return Arbitraries.integers().greaterOrEqual(0).list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    /** JSON objects over the contract's own field names, so the parser gets past the first key. */
    @Provide
    Arbitrary<String> jsonEvents() {
        return JsonDocuments.object(4);
    }
}
