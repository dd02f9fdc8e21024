package dev.databuild.lineage.reliability;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random JSON built from the contract's field names and hostile values. */
final class JsonDocuments {

    private static final List<String> KEYS = List.of("eventId", "timestamp", "wantCreateV1", "wantCancelV1", "jobRunBufferV1",
            "jobRunQueueV1", "jobRunHeartbeatV1", "jobRunSuccessV1", "jobRunFailureV1", "jobRunCancelV1", "jobRunMissingDepsV1",
            "taintCreateV1", "taintCancelV1", "wantId", "jobRunId", "jobLabel", "taintId", "partitions", "buildingPartitions",
            "wantAttributedPartitions", "readDeps", "missingDeps", "impacted", "read", "missing", "ref", "source",
            "manuallyTriggered", "jobTriggered", "user", "comment", "reason", "dataTimestamp", "ttlSeconds", "slaSeconds",
            "job_run_id", "want_id", "unknownField", "@type", "");

    private static final List<String> SCALARS = List.of("0", "1", "-1", "42", "1.5", "1e400", "18446744073709551615",
            "18446744073709551616", "9223372036854775808", "\"18446744073709551615\"", "true", "false", "null", "\"\"", "\"W-1\"",
            "\"data/x\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDBFF\\uDFFF\"", "\"é𝄞\"", "\"1\"", "\"NaN\"", "\"Infinity\"");

    private JsonDocuments() {
    }

    static Arbitrary<String> object(int depth) {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(KEYS), value(depth - 1))
                .as((k, v) -> "\"" + k + "\":" + v);
        return member.list().ofMaxSize(4).map(ms -> ms.stream().collect(Collectors.joining(",", "{", "}")));
    }

    static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.of(SCALARS);
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(3)
                .map(vs -> vs.stream().collect(Collectors.joining(",", "[", "]")));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar),
                net.jqwik.api.Tuple.of(3, Arbitraries.lazy(() -> object(depth))),
                net.jqwik.api.Tuple.of(1, array));
    }
}
