package dev.databuild.lineage.want;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.jobrun.LogBuilder;
import dev.databuild.lineage.support.GraphQlTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** Want's own fields: a canceled want, several refs, and a want that is not there. */
class WantFieldsTest extends GraphQlTest {

    @Test
    void canceledWantKeepsItsRefsInOrderAndSaysWhoCanceledIt() {
        load(new LogBuilder()
                .want("W-1", "alice", "z/2", "a/1", "m/3")
                .cancelWant("W-1", "bob", "not needed")
                .events());
        graphQl.documentName("wantFields").variable("wantId", "W-1")
                .execute().path("want").matchesJsonStrictly("""
                {
                  "wantId": "W-1", "status": "CANCELED", "partitionRefs": ["z/2", "a/1", "m/3"],
                  "dataTimestamp": "2025-01-01T00:00:00Z", "ttlSeconds": 86400, "slaSeconds": 3600, "comment": null,
                  "triggeredBy": null,
                  "statusHistory": [{"status": "IDLE", "eventId": 1}, {"status": "CANCELED", "eventId": 2}],
                  "canceled": {"at": "2025-01-01T00:00:02Z", "eventId": 2, "comment": "not needed",
                               "source": {"kind": "MANUAL", "user": "bob", "jobRun": null}},
                  "partitions": {"totalCount": 0, "nodes": []},
                  "jobRuns": {"totalCount": 0},
                  "derivativeWants": {"totalCount": 0}
                }""");
    }

    @Test
    void missingWantIsNullWithNotFound() {
        loadExample();
        graphQl.documentName("wantFields").variable("wantId", "W-404").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(errors.get(0).getMessage()).contains("W-404");
                })
                .path("want").valueIsNull();
    }
}
