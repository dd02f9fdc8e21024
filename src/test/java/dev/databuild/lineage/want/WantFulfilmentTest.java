package dev.databuild.lineage.want;

import static dev.databuild.lineage.support.Ids.instanceUuid;

import dev.databuild.lineage.support.GraphQlTest;
import org.junit.jupiter.api.Test;

/** The seed's view 1 for the reference example: W-001's work tree, every instance by UUID, in order. */
class WantFulfilmentTest extends GraphQlTest {

    @Test
    void w001ShowsEveryInstanceRunAttemptAndDerivativeWantInOrder() {
        loadExample();
        graphQl.documentName("wantFulfilment").variable("wantId", "W-001").execute()
                .path("want").matchesJsonStrictly(withUuids("""
                {
                  "wantId": "W-001", "status": "SUCCESSFUL", "partitionRefs": ["data/gamma"],
                  "comment": "the seed's example", "createdAt": "2025-01-01T00:00:01Z",
                  "source": {"kind": "MANUAL", "user": "alice", "jobRun": null},
                  "triggeredBy": null,
                  "statusHistory": [
                    {"status": "IDLE", "at": "2025-01-01T00:00:01Z", "eventId": 1},
                    {"status": "BUILDING", "at": "2025-01-01T00:00:02Z", "eventId": 2},
                    {"status": "UPSTREAM_BUILDING", "at": "2025-01-01T00:00:05Z", "eventId": 5},
                    {"status": "BUILDING", "at": "2025-01-01T00:00:20Z", "eventId": 20},
                    {"status": "SUCCESSFUL", "at": "2025-01-01T00:00:23Z", "eventId": 23}
                  ],
                  "partitions": {"totalCount": 2, "nodes": [
                    {"uuid": "GAMMA_DEP_MISS", "ref": "data/gamma", "status": "UP_FOR_RETRY", "isCanonical": false,
                     "builtBy": {"jobRunId": "JR-100", "status": "DEP_MISS",
                                 "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "DEP_MISS"}],
                                 "read": {"nodes": []}}},
                    {"uuid": "GAMMA", "ref": "data/gamma", "status": "LIVE", "isCanonical": true,
                     "builtBy": {"jobRunId": "JR-789", "status": "SUCCEEDED",
                                 "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "SUCCEEDED"}],
                                 "read": {"nodes": [{"uuid": "ALPHA", "ref": "data/alpha", "status": "LIVE"},
                                                    {"uuid": "BETA", "ref": "data/beta", "status": "LIVE"}]}}}
                  ]},
                  "jobRuns": {"totalCount": 2, "nodes": [
                    {"jobRunId": "JR-100", "jobLabel": "//jobs:gamma", "status": "DEP_MISS", "attempt": 1, "previousAttempt": null,
                     "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "DEP_MISS"}],
                     "read": {"nodes": []}},
                    {"jobRunId": "JR-789", "jobLabel": "//jobs:gamma", "status": "SUCCEEDED", "attempt": 2,
                     "previousAttempt": {"jobRunId": "JR-100"},
                     "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "SUCCEEDED"}],
                     "read": {"nodes": [{"uuid": "ALPHA", "ref": "data/alpha", "status": "LIVE"},
                                        {"uuid": "BETA", "ref": "data/beta", "status": "LIVE"}]}}
                  ]},
                  "derivativeWants": {"totalCount": 1, "nodes": [{
                    "wantId": "W-002", "status": "SUCCESSFUL",
                    "source": {"kind": "JOB", "jobRun": {"jobRunId": "JR-100"}},
                    "triggeredBy": {"jobRunId": "JR-100", "status": "DEP_MISS"},
                    "partitions": {"nodes": [
                      {"uuid": "BETA_DEP_MISS", "ref": "data/beta", "status": "UP_FOR_RETRY", "isCanonical": false},
                      {"uuid": "BETA", "ref": "data/beta", "status": "LIVE", "isCanonical": true}
                    ]},
                    "jobRuns": {"nodes": [
                      {"jobRunId": "JR-456", "jobLabel": "//jobs:beta", "status": "DEP_MISS", "attempt": 1, "previousAttempt": null,
                       "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "DEP_MISS"}],
                       "read": {"nodes": []}},
                      {"jobRunId": "JR-457", "jobLabel": "//jobs:beta", "status": "SUCCEEDED", "attempt": 2,
                       "previousAttempt": {"jobRunId": "JR-456"},
                       "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "SUCCEEDED"}],
                       "read": {"nodes": [{"uuid": "ALPHA", "ref": "data/alpha", "status": "LIVE"}]}}
                    ]},
                    "derivativeWants": {"nodes": [{
                      "wantId": "W-003", "status": "SUCCESSFUL",
                      "triggeredBy": {"jobRunId": "JR-456", "status": "DEP_MISS"},
                      "jobRuns": {"nodes": [
                        {"jobRunId": "JR-300", "jobLabel": "//jobs:alpha", "status": "SUCCEEDED", "attempt": 1, "previousAttempt": null,
                         "statusHistory": [{"status": "BUFFERED"}, {"status": "QUEUED"}, {"status": "RUNNING"}, {"status": "SUCCEEDED"}],
                         "read": {"nodes": []},
                         "wrote": {"nodes": [{"uuid": "ALPHA", "ref": "data/alpha", "status": "LIVE"}]}}
                      ]},
                      "derivativeWants": {"totalCount": 0}
                    }]}
                  }]}
                }
                """));
    }

    /** The example's instance UUIDs, derived the way ingestion mints them. */
    static String withUuids(String json) {
        return json
                .replace("\"GAMMA_DEP_MISS\"", quoted("JR-100", "data/gamma"))
                .replace("\"BETA_DEP_MISS\"", quoted("JR-456", "data/beta"))
                .replace("\"GAMMA\"", quoted("JR-789", "data/gamma"))
                .replace("\"BETA\"", quoted("JR-457", "data/beta"))
                .replace("\"ALPHA\"", quoted("JR-300", "data/alpha"));
    }

    private static String quoted(String jobRunId, String ref) {
        return "\"" + instanceUuid(jobRunId, ref) + "\"";
    }
}
