package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An instance is stale once something it read has been rebuilt. */
class StalenessTest extends GraphQlTest {

    static final UUID OLD_ALPHA = Ids.instanceUuid("JR-300", "data/alpha");
    static final UUID NEW_ALPHA = Ids.instanceUuid("JR-900", "data/alpha");
    static final UUID OLD_BETA = Ids.instanceUuid("JR-457", "data/beta");
    static final UUID NEW_BETA = Ids.instanceUuid("JR-901", "data/beta");
    static final UUID GAMMA = Ids.instanceUuid("JR-789", "data/gamma");

    private static final String DOC = """
            { partitions { nodes { ref current { uuid isStale staleInputs { totalCount nodes { uuid ref isCanonical } } } } }
              oldAlpha: partitionInstance(uuid: "%s") { isCanonical isStale staleInputs { totalCount } } }
            """.formatted(OLD_ALPHA);

    @Test
    void rebuildingAnInputMakesEveryReaderStale() {
        loadExample();
        graphQl.document(DOC).execute()
                .path("partitions.nodes[*].current.isStale").entityList(Boolean.class).containsExactly(false, false, false);

        load(Bel.build("JR-900", "data/alpha"));
        graphQl.document(DOC).execute().errors().verify().path("").matchesJsonStrictly("""
                {
                  "partitions": { "nodes": [
                    { "ref": "data/alpha", "current": { "uuid": "%1$s", "isStale": false, "staleInputs": { "totalCount": 0, "nodes": [] } } },
                    { "ref": "data/beta", "current": { "uuid": "%2$s", "isStale": true, "staleInputs": { "totalCount": 1, "nodes": [
                        { "uuid": "%3$s", "ref": "data/alpha", "isCanonical": false } ] } } },
                    { "ref": "data/gamma", "current": { "uuid": "%4$s", "isStale": true, "staleInputs": { "totalCount": 1, "nodes": [
                        { "uuid": "%3$s", "ref": "data/alpha", "isCanonical": false } ] } } }
                  ] },
                  "oldAlpha": { "isCanonical": false, "isStale": false, "staleInputs": { "totalCount": 0 } }
                }
                """.formatted(NEW_ALPHA, OLD_BETA, OLD_ALPHA, GAMMA));

        // beta rebuilt from the new alpha is fresh again; gamma now read two superseded inputs
        load(Bel.build("JR-901", "data/beta", "data/alpha"));
        graphQl.document(DOC).execute()
                .path("partitions.nodes[*].current.uuid").entityList(String.class)
                .containsExactly(NEW_ALPHA.toString(), NEW_BETA.toString(), GAMMA.toString())
                .path("partitions.nodes[*].current.isStale").entityList(Boolean.class).containsExactly(false, false, true)
                .path("partitions.nodes[2].current.staleInputs.totalCount").entity(Integer.class).isEqualTo(2)
                .path("partitions.nodes[2].current.staleInputs.nodes[*].uuid").entityList(String.class)
                .containsExactly(OLD_ALPHA.toString(), OLD_BETA.toString());
    }

    @Test
    void stalenessOfManyInstancesIsOneStatement() {
        loadExample();
        load(Bel.build("JR-900", "data/alpha"));
        String doc = "{ partitions { nodes { instances { nodes { isStale } } } } }";
        long n = statementsDuring(() -> graphQl.document(doc).execute()
                .path("partitions.nodes[*].instances.nodes[*].isStale").entityList(Boolean.class)
                // alpha: JR-900's, JR-300's; beta: JR-457's, JR-456's; gamma: JR-789's, JR-100's
                .containsExactly(false, false, true, false, true, false));
        assertThat(n).isEqualTo(3);
    }

    @Test
    void stalenessBesideTheStaleInputsPageCostsNoStatementOfItsOwn() {
        loadExample();
        load(Bel.build("JR-900", "data/alpha"));
        String doc = "{ partitions { nodes { current { isStale staleInputs { totalCount } } } } }";
        long n = statementsDuring(() -> graphQl.document(doc).execute()
                .path("partitions.nodes[*].current.isStale").entityList(Boolean.class).containsExactly(false, true, true)
                .path("partitions.nodes[*].current.staleInputs.totalCount").entityList(Integer.class).containsExactly(0, 1, 1));
        // the partitions page with their current instances, then the stale inputs' page
        assertThat(n).isEqualTo(2);
    }
}
