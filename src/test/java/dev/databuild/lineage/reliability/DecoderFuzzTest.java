package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.EventDecoder;
import dev.databuild.lineage.ingest.EventRejected;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The three decoders on their own (no server, so thousands of inputs a second): whatever the bytes,
 * the answer is a list of events or a 400 naming where; never another exception. What decodes
 * survives the round trip through the form it is stored in, so replaying the log reads it back.
 */
class DecoderFuzzTest {

    /** Per test in CI: a second or two; {@code -Dlineage.fuzz.tries} for more. */
    private static final int TRIES = 1000;

    @Test
    void protobufSurvivesMutatedStreams(TestInfo test) {
        FuzzTries.run(test, TRIES, rng -> {
            byte[] body = Mutation.applyAll(Http.delimited(valid(rng)), Mutation.random(rng, 6));
            decodes(body, EventDecoder::delimited);
        });
    }

    @Test
    void protobufSurvivesRandomBytes(TestInfo test) {
        FuzzTries.run(test, TRIES, rng -> {
            byte[] body = new byte[rng.nextInt(601)];
            rng.nextBytes(body);
            decodes(body, EventDecoder::delimited);
        });
    }

    @Test
    void jsonSurvivesMutatedArrays(TestInfo test) {
        FuzzTries.run(test, TRIES, rng -> {
            byte[] body = Mutation.applyAll(Http.jsonArray(valid(rng)), Mutation.random(rng, 6));
            decodes(body, EventDecoder::jsonArray);
            decodes(body, EventDecoder::ndjson);
        });
    }

    /** JSON objects over the contract's own field names, so the parser gets past the first key. */
    @Test
    void jsonSurvivesRandomDocuments(TestInfo test) {
        FuzzTries.run(test, TRIES, rng -> {
            String event = JsonDocuments.object(rng, 4);
            decodes(("[" + event + "]").getBytes(StandardCharsets.UTF_8), EventDecoder::jsonArray);
            decodes(event.getBytes(StandardCharsets.UTF_8), EventDecoder::ndjson);
        });
    }

    /** 1 to 12 valid events; the tape's length decides how many. */
    private static List<DataBuildEvent> valid(SplittableRandom rng) {
        List<Integer> tape = Choices.randomTape(rng, 80);
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
}
