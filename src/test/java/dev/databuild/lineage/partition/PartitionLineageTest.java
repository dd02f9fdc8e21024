package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GlobalId;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** The seed's partition lineage view (view 2) over the reference's example. */
class PartitionLineageTest extends GraphQlTest {

    static final UUID ALPHA = Ids.instanceUuid("JR-300", "data/alpha");
    static final UUID BETA = Ids.instanceUuid("JR-457", "data/beta");
    static final UUID BETA_DEP_MISS = Ids.instanceUuid("JR-456", "data/beta");
    static final UUID GAMMA = Ids.instanceUuid("JR-789", "data/gamma");

    @Test
    void betaCurrentHistoryWantsAndAsOf() {
        loadExample();
        graphQl.documentName("partitionLineage").variable("ref", "data/beta").variable("at", "2025-01-01T00:00:10.500Z")
                .execute().errors().verify()
                .path("partition").matchesJsonStrictly("""
                        {
                          "ref": "data/beta",
                          "status": "LIVE",
                          "current": {
                            "uuid": "%1$s", "ref": "data/beta", "status": "LIVE", "isCanonical": true, "supersededAt": null,
                            "partition": { "ref": "data/beta" },
                            "builtBy": { "jobRunId": "JR-457", "status": "SUCCEEDED" },
                            "upstream": { "totalCount": 1, "nodes": [ { "uuid": "%2$s", "ref": "data/alpha" } ], "pageInfo": { "hasNextPage": false } },
                            "downstream": { "totalCount": 1, "nodes": [ { "uuid": "%3$s", "ref": "data/gamma" } ], "pageInfo": { "hasNextPage": false } },
                            "consumers": { "totalCount": 1, "nodes": [ { "jobRunId": "JR-789" } ], "pageInfo": { "hasNextPage": false } },
                            "statusHistory": [
                              { "status": "BUILDING", "at": "2025-01-01T00:00:16Z", "eventId": 16 },
                              { "status": "LIVE", "at": "2025-01-01T00:00:19Z", "eventId": 19 }
                            ],
                            "isStale": false,
                            "staleInputs": { "totalCount": 0, "nodes": [] }
                          },
                          "instances": {
                            "totalCount": 2,
                            "nodes": [
                              { "uuid": "%1$s", "status": "LIVE", "isCanonical": true, "createdAt": "2025-01-01T00:00:16Z",
                                "supersededAt": null, "builtBy": { "jobRunId": "JR-457" },
                                "statusHistory": [ { "status": "BUILDING", "eventId": 16 }, { "status": "LIVE", "eventId": 19 } ] },
                              { "uuid": "%4$s", "status": "UP_FOR_RETRY", "isCanonical": false, "createdAt": "2025-01-01T00:00:07Z",
                                "supersededAt": "2025-01-01T00:00:16Z", "builtBy": { "jobRunId": "JR-456" },
                                "statusHistory": [ { "status": "BUILDING", "eventId": 7 }, { "status": "UPSTREAM_BUILDING", "eventId": 10 },
                                                   { "status": "UP_FOR_RETRY", "eventId": 15 } ] }
                            ],
                            "pageInfo": { "hasNextPage": false, "hasPreviousPage": false }
                          },
                          "wants": { "totalCount": 1, "nodes": [ { "wantId": "W-002" } ] },
                          "asOf": { "uuid": "%4$s", "status": "UP_FOR_RETRY", "builtBy": { "jobRunId": "JR-456" } }
                        }
                        """.formatted(BETA, ALPHA, GAMMA, BETA_DEP_MISS));
    }

    @Test
    void historicalInstanceByUuid() {
        loadExample();
        graphQl.documentName("partitionInstance").variable("uuid", BETA_DEP_MISS.toString()).execute().errors().verify()
                .path("partitionInstance").matchesJsonStrictly("""
                        {
                          "id": "%s", "uuid": "%s", "ref": "data/beta", "status": "UP_FOR_RETRY", "isCanonical": false,
                          "createdAt": "2025-01-01T00:00:07Z", "supersededAt": "2025-01-01T00:00:16Z",
                          "partition": { "ref": "data/beta", "current": { "uuid": "%s" } },
                          "builtBy": { "jobRunId": "JR-456", "status": "DEP_MISS" },
                          "statusHistory": [
                            { "status": "BUILDING", "at": "2025-01-01T00:00:07Z", "eventId": 7 },
                            { "status": "UPSTREAM_BUILDING", "at": "2025-01-01T00:00:10Z", "eventId": 10 },
                            { "status": "UP_FOR_RETRY", "at": "2025-01-01T00:00:15Z", "eventId": 15 }
                          ],
                          "upstream": { "totalCount": 0, "nodes": [] },
                          "downstream": { "totalCount": 0, "nodes": [] },
                          "consumers": { "totalCount": 0, "nodes": [] },
                          "isStale": false
                        }
                        """.formatted(GlobalId.of("PartitionInstance", BETA_DEP_MISS.toString()), BETA_DEP_MISS, BETA));
    }

    @Test
    void asOfFollowsTheCanonicalInstanceThroughTime() {
        loadExample();
        String doc = "query($at: DateTime!) { partition(ref: \"data/beta\") { asOf(at: $at) { uuid } } }";
        // data/beta is first built at event 7 and rebuilt at event 16 (one second per event)
        graphQl.document(doc).variable("at", "2025-01-01T00:00:06.999Z").execute().path("partition.asOf").valueIsNull();
        graphQl.document(doc).variable("at", "2025-01-01T00:00:07Z").execute()
                .path("partition.asOf.uuid").entity(String.class).isEqualTo(BETA_DEP_MISS.toString());
        graphQl.document(doc).variable("at", "2025-01-01T00:00:15.999Z").execute()
                .path("partition.asOf.uuid").entity(String.class).isEqualTo(BETA_DEP_MISS.toString());
        graphQl.document(doc).variable("at", "2025-01-01T00:00:16Z").execute()
                .path("partition.asOf.uuid").entity(String.class).isEqualTo(BETA.toString());
        graphQl.document(doc).variable("at", "2030-01-01T00:00:00Z").execute()
                .path("partition.asOf.uuid").entity(String.class).isEqualTo(BETA.toString());
    }

    @Test
    void severalAsOfInstantsAndRefsInOneStatement() {
        loadExample();
        String doc = """
                { partitions { nodes { ref
                    early: asOf(at: "2025-01-01T00:00:10Z") { uuid }
                    late: asOf(at: "2025-01-01T00:01:00Z") { uuid } } } }""";
        long n = statementsDuring(() -> graphQl.document(doc).execute()
                .path("partitions.nodes[*].ref").entityList(String.class).containsExactly("data/alpha", "data/beta", "data/gamma")
                .path("partitions.nodes[0].early").valueIsNull()
                .path("partitions.nodes[1].early.uuid").entity(String.class).isEqualTo(BETA_DEP_MISS.toString())
                .path("partitions.nodes[2].early.uuid").entity(String.class).isEqualTo(Ids.instanceUuid("JR-100", "data/gamma").toString())
                .path("partitions.nodes[*].late.uuid").entityList(String.class)
                .containsExactly(ALPHA.toString(), BETA.toString(), GAMMA.toString()));
        assertThat(n).isEqualTo(2);
    }

    @Test
    void missingAndMalformedKeys() {
        loadExample();
        graphQl.document("{ partition(ref: \"data/nope\") { ref } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(errors.get(0).getMessage()).contains("data/nope");
                })
                .path("partition").valueIsNull();
        graphQl.document("{ partitionInstance(uuid: \"not-a-uuid\") { ref } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getMessage()).contains("argument 'uuid'");
                    assertThat(errors.get(0).getExtensions()).containsEntry("argument", "uuid");
                })
                .path("partitionInstance").valueIsNull();
        graphQl.document("{ partitionInstance(uuid: \"" + UUID.randomUUID() + "\") { ref } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND))
                .path("partitionInstance").valueIsNull();
    }
}
