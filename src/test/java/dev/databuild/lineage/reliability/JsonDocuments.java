package dev.databuild.lineage.reliability;

import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

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

    /** An object of up to 4 members, nested at most {@code depth} levels. */
    static String object(SplittableRandom rng, int depth) {
        StringJoiner members = new StringJoiner(",", "{", "}");
        for (int i = rng.nextInt(5); i > 0; i--) {
            members.add("\"" + pick(rng, KEYS) + "\":" + value(rng, depth - 1));
        }
        return members.toString();
    }

    /** Scalars, objects and arrays 3 : 3 : 1, so most documents keep an object's shape. */
    static String value(SplittableRandom rng, int depth) {
        if (depth <= 0) {
            return pick(rng, SCALARS);
        }
        int kind = rng.nextInt(7);
        if (kind < 3) {
            return pick(rng, SCALARS);
        }
        if (kind < 6) {
            return object(rng, depth);
        }
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = rng.nextInt(4); i > 0; i--) {
            items.add(value(rng, depth - 1));
        }
        return items.toString();
    }

    private static String pick(SplittableRandom rng, List<String> from) {
        return from.get(rng.nextInt(from.size()));
    }
}
