package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class NodeQueryTest extends GraphQlTest {

    @Test
    void eventLogAndNodeRoundTrip() {
        loadExample();
        graphQl.document("{ eventLog { lastEventId eventCount } }").execute()
                .path("eventLog.lastEventId").entity(Long.class).isEqualTo(23L)
                .path("eventLog.eventCount").entity(Long.class).isEqualTo(23L);
        String id = GlobalId.of("JobRun", "JR-457");
        graphQl.document("query($id: ID!) { node(id: $id) { id ... on JobRun { jobRunId status } } }").variable("id", id).execute()
                .path("node.jobRunId").entity(String.class).isEqualTo("JR-457")
                .path("node.status").entity(String.class).isEqualTo("SUCCEEDED");
    }

    @Test
    void badAndUnknownGlobalIds() {
        graphQl.document("{ node(id: \"%%%\") { id } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getMessage()).contains("argument 'id'");
                });
        graphQl.document("query($id: ID!) { node(id: $id) { id } }").variable("id", GlobalId.of("Want", "W-404")).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND))
                .path("node").valueIsNull();
    }
}
