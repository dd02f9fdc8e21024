package dev.databuild.lineage.jobrun;

import static dev.databuild.lineage.support.Ids.instanceUuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** The seed's view 3: one run's immediate context. */
class JobRunDetailTest extends GraphQlTest {

    @Test
    void jr457ShowsWantsInputsOutputsHistoryAndRetryChain() {
        loadExample();
        graphQl.documentName("jobRunDetail").variable("jobRunId", "JR-457").execute()
                .path("jobRun").matchesJsonStrictly("""
                {
                  "jobRunId": "JR-457", "jobLabel": "//jobs:beta", "status": "SUCCEEDED",
                  "bufferedAt": "2025-01-01T00:00:16Z", "queuedAt": "2025-01-01T00:00:17Z",
                  "startedAt": "2025-01-01T00:00:18Z", "lastHeartbeatAt": "2025-01-01T00:00:18Z",
                  "endedAt": "2025-01-01T00:00:19Z",
                  "failureReason": null, "cancelComment": null, "canceledBy": null,
                  "scheduledFor": {"totalCount": 1, "nodes": [{"wantId": "W-002"}]},
                  "read": {"totalCount": 1, "nodes": [{"uuid": "%s", "ref": "data/alpha", "status": "LIVE", "isCanonical": true}]},
                  "wrote": {"totalCount": 1, "nodes": [{"uuid": "%s", "ref": "data/beta", "status": "LIVE", "isCanonical": true}]},
                  "statusHistory": [
                    {"status": "BUFFERED", "at": "2025-01-01T00:00:16Z", "eventId": 16},
                    {"status": "QUEUED", "at": "2025-01-01T00:00:17Z", "eventId": 17},
                    {"status": "RUNNING", "at": "2025-01-01T00:00:18Z", "eventId": 18},
                    {"status": "SUCCEEDED", "at": "2025-01-01T00:00:19Z", "eventId": 19}
                  ],
                  "missingDeps": [],
                  "derivativeWants": {"totalCount": 0},
                  "attempt": 2,
                  "previousAttempt": {
                    "jobRunId": "JR-456", "status": "DEP_MISS",
                    "missingDeps": [{"impactedRef": "data/beta", "missingRef": "data/alpha", "missingPartition": {"ref": "data/alpha"}}],
                    "derivativeWants": {"totalCount": 1, "nodes": [{"wantId": "W-003", "triggeredBy": {"jobRunId": "JR-456"}}]},
                    "wrote": {"nodes": [{"uuid": "%s", "status": "UP_FOR_RETRY", "isCanonical": false}]},
                    "nextAttempt": {"jobRunId": "JR-457"}
                  },
                  "nextAttempt": null,
                  "attempts": [
                    {"jobRunId": "JR-456", "attempt": 1, "status": "DEP_MISS"},
                    {"jobRunId": "JR-457", "attempt": 2, "status": "SUCCEEDED"}
                  ],
                  "upstream": {"totalCount": 1, "nodes": [{"jobRunId": "JR-300"}]},
                  "downstream": {"totalCount": 1, "nodes": [{"jobRunId": "JR-789"}]}
                }
                """.formatted(instanceUuid("JR-300", "data/alpha"), instanceUuid("JR-457", "data/beta"),
                        instanceUuid("JR-456", "data/beta")));
    }

    @Test
    void failedAndCanceledRunsSayWhyAndWho() {
        load(new LogBuilder()
                .want("W-1", "alice", "x/1")
                .run("JR-1", "//jobs:x", "W-1", "x/1").fail("JR-1", "disk full")
                .run("JR-2", "//jobs:x", "W-1", "x/1").cancel("JR-2", "bob", "wrong config")
                .events());
        graphQl.documentName("jobRunOutcomes")
                .execute().path("jobRuns.nodes").matchesJsonStrictly("""
                [
                  {"jobRunId": "JR-1", "status": "FAILED", "failureReason": "disk full", "cancelComment": null, "canceledBy": null,
                   "attempt": 1, "previousAttempt": null, "nextAttempt": {"jobRunId": "JR-2"}},
                  {"jobRunId": "JR-2", "status": "CANCELED", "failureReason": null, "cancelComment": "wrong config",
                   "canceledBy": {"kind": "MANUAL", "user": "bob", "jobRun": null},
                   "attempt": 2, "previousAttempt": {"jobRunId": "JR-1"}, "nextAttempt": null}
                ]""");
    }

    @Test
    void missingRunIsNullWithNotFound() {
        loadExample();
        graphQl.documentName("jobRunDetail").variable("jobRunId", "JR-404").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(errors.get(0).getMessage()).contains("JR-404");
                    assertThat(errors.get(0).getPath()).isEqualTo("jobRun");
                })
                .path("jobRun").valueIsNull();
    }
}
