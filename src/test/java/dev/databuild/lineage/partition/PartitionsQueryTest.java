package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.Ids;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** Query.partitions (prefix, status, keyset pages) and the paging of Partition's and PartitionInstance's connections. */
class PartitionsQueryTest extends GraphQlTest {

    private static final String LIST = """
            query($prefix: String, $status: PartitionStatus, $first: Int, $after: String) {
              partitions(refPrefix: $prefix, status: $status, first: $first, after: $after) {
                totalCount nodes { ref status } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    private void loadRefs() {
        List<DataBuildEvent> events = new ArrayList<>();
        events.add(Bel.want("W-1", "page/a"));
        events.add(Bel.want("W-2", "page/a", "page/b"));
        // page/a failed once, then was rebuilt: only its canonical instance's status counts
        events.add(Bel.bufferFor("F1", "W-1", "page/a"));
        events.add(Bel.failure("F1"));
        events.add(Bel.bufferFor("S1", "W-1", "page/a"));
        events.add(Bel.success("S1"));
        events.add(Bel.bufferFor("F2", "W-2", "page/b"));
        events.add(Bel.failure("F2"));
        events.addAll(Bel.build("S3", "page/c"));
        // LIKE wildcards in a prefix are literal
        events.addAll(Bel.build("T1", "t_1/a"));
        events.addAll(Bel.build("T2", "tX1/b"));
        events.addAll(Bel.build("T3", "t%/c"));
        events.addAll(Bel.build("T4", "tY/d"));
        // an instance that read three inputs, for paging upstream
        events.add(Bel.buffer("U1", "up/out"));
        events.add(Bel.success("U1", "page/c", "page/a", "t_1/a"));
        load(events);
    }

    @Test
    void prefixIsLiteralAndStatusIsTheCanonicalInstances() {
        loadRefs();
        graphQl.document(LIST).variable("prefix", "t_").execute()
                .path("partitions.nodes[*].ref").entityList(String.class).containsExactly("t_1/a")
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl.document(LIST).variable("prefix", "t%").execute()
                .path("partitions.nodes[*].ref").entityList(String.class).containsExactly("t%/c");
        graphQl.document(LIST).variable("prefix", "t").execute()
                .path("partitions.nodes[*].ref").entityList(String.class).satisfies(refs -> assertThat(refs).containsExactlyInAnyOrder("t_1/a", "tX1/b", "t%/c", "tY/d"))
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(4);
        graphQl.document(LIST).variable("status", "FAILED").execute()
                .path("partitions.nodes[*].ref").entityList(String.class).containsExactly("page/b")
                .path("partitions.nodes[*].status").entityList(String.class).containsExactly("FAILED")
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl.document(LIST).variable("prefix", "page/").variable("status", "LIVE").execute()
                .path("partitions.nodes[*].ref").entityList(String.class).containsExactly("page/a", "page/c");
        graphQl.document(LIST).variable("prefix", "nothing/").execute()
                .path("partitions.nodes").entityList(Object.class).hasSize(0)
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void keysetPagesInRefOrder() {
        loadRefs();
        var first = graphQl.document(LIST).variable("prefix", "page/").variable("first", 2).execute();
        first.path("partitions.nodes[*].ref").entityList(String.class).containsExactly("page/a", "page/b")
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(3)
                .path("partitions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("partitions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String after = first.path("partitions.pageInfo.endCursor").entity(String.class).get();
        // a ref added while paging sorts before the cursor and shifts nothing
        load(Bel.build("S0", "page/0"));
        var second = graphQl.document(LIST).variable("prefix", "page/").variable("first", 2).variable("after", after).execute();
        second.path("partitions.nodes[*].ref").entityList(String.class).containsExactly("page/c")
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(4)
                .path("partitions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("partitions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        String end = second.path("partitions.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(LIST).variable("prefix", "page/").variable("after", end).execute()
                .path("partitions.nodes").entityList(Object.class).hasSize(0)
                .path("partitions.totalCount").entity(Integer.class).isEqualTo(4)
                .path("partitions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        graphQl.document(LIST).variable("after", "garbage").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getMessage()).contains("argument 'after'");
                });
        graphQl.document(LIST).variable("first", 101).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("argument 'first'"));
    }

    @Test
    void instancesWantsAndUpstreamPageWithCursors() {
        loadRefs();
        String doc = """
                query($after: String, $wantsAfter: String, $upAfter: String) {
                  partition(ref: "page/a") {
                    instances(first: 1, after: $after) { totalCount nodes { uuid } pageInfo { hasNextPage endCursor } }
                    wants(first: 1, after: $wantsAfter) { totalCount nodes { wantId } pageInfo { hasNextPage endCursor } }
                  }
                  up: partition(ref: "up/out") {
                    current { upstream(first: 2, after: $upAfter) { totalCount nodes { ref } pageInfo { hasNextPage endCursor } } }
                  }
                }""";
        var p1 = graphQl.document(doc).execute();
        p1.path("partition.instances.nodes[*].uuid").entityList(String.class).containsExactly(Ids.instanceUuid("S1", "page/a").toString())
                .path("partition.instances.totalCount").entity(Integer.class).isEqualTo(2)
                .path("partition.instances.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("partition.wants.nodes[*].wantId").entityList(String.class).containsExactly("W-1")
                .path("partition.wants.totalCount").entity(Integer.class).isEqualTo(2)
                .path("up.current.upstream.nodes[*].ref").entityList(String.class).containsExactly("page/a", "page/c")
                .path("up.current.upstream.totalCount").entity(Integer.class).isEqualTo(3)
                .path("up.current.upstream.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var p2 = graphQl.document(doc)
                .variable("after", p1.path("partition.instances.pageInfo.endCursor").entity(String.class).get())
                .variable("wantsAfter", p1.path("partition.wants.pageInfo.endCursor").entity(String.class).get())
                .variable("upAfter", p1.path("up.current.upstream.pageInfo.endCursor").entity(String.class).get())
                .execute();
        p2.path("partition.instances.nodes[*].uuid").entityList(String.class).containsExactly(Ids.instanceUuid("F1", "page/a").toString())
                .path("partition.instances.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("partition.wants.nodes[*].wantId").entityList(String.class).containsExactly("W-2")
                .path("partition.wants.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("up.current.upstream.nodes[*].ref").entityList(String.class).containsExactly("t_1/a")
                .path("up.current.upstream.totalCount").entity(Integer.class).isEqualTo(3);
        // past the end: the page is empty and the totals are still exact
        graphQl.document(doc)
                .variable("after", p2.path("partition.instances.pageInfo.endCursor").entity(String.class).get())
                .variable("wantsAfter", p2.path("partition.wants.pageInfo.endCursor").entity(String.class).get())
                .variable("upAfter", p2.path("up.current.upstream.pageInfo.endCursor").entity(String.class).get())
                .execute()
                .path("partition.instances.nodes").entityList(Object.class).hasSize(0)
                .path("partition.instances.totalCount").entity(Integer.class).isEqualTo(2)
                .path("partition.wants.totalCount").entity(Integer.class).isEqualTo(2)
                .path("up.current.upstream.totalCount").entity(Integer.class).isEqualTo(3);
    }
}
