package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.jobrun.JobRun;
import dev.databuild.lineage.support.BatchEquivalence;
import dev.databuild.lineage.support.Connection;
import dev.databuild.lineage.support.GraphQlTest;
import dev.databuild.lineage.support.PageArgs;
import dev.databuild.lineage.support.Parents;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Partition and instance connections answer a batch of parents exactly as each one alone, in one statement. */
class BatchedInstancePagesTest extends GraphQlTest {

    @Autowired
    PartitionQueries partitions;
    @Autowired
    InstanceLinkQueries links;
    @Autowired
    InstanceQueries instances;

    @Test
    void aBatchAnswersLikeEachParentAlone() {
        load(new EventGenerator(EventGenerator.Params.demo(5)).stream().toList());
        String allRefs = "select ref from partition_ref order by ref";
        String allUuids = "select uuid from partition_instance order by uuid";
        List<String> rebuilt = Parents.pick(db, String.class, allRefs,
                "select ref from partition_instance group by ref order by count(*) desc, ref", "no/such/ref");
        List<String> wanted = Parents.pick(db, String.class, allRefs,
                "select ref from want_partition group by ref order by count(*) desc, ref", "no/such/ref");
        List<UUID> outputs = Parents.pick(db, UUID.class, allUuids,
                "select output_uuid from read_dep group by output_uuid order by count(*) desc, output_uuid", UUID.randomUUID());
        List<UUID> read = Parents.pick(db, UUID.class, allUuids,
                "select uuid from partition_instance order by consumer_count desc, uuid");
        List<PartitionInstance> inputs = List.copyOf(instances.byUuids(read).values());
        int compared = BatchEquivalence.check(statements, rebuilt, partitions::instances, true)
                + BatchEquivalence.check(statements, wanted, partitions::wants, false)
                + BatchEquivalence.check(statements, outputs, (o, page) -> links.inputs(o, page, false), false)
                + BatchEquivalence.check(statements, outputs, (o, page) -> links.inputs(o, page, true), false)
                + BatchEquivalence.check(statements, inputs, links::consumers, true)
                + BatchEquivalence.check(statements, inputs, links::downstream, true);
        assertThat(compared).isGreaterThan(1000);
        matchesTheEdgeTables(inputs);
    }

    /**
     * Consumers and downstream against the edge tables read directly: each forward page of 1, 2, 3
     * and 20 is the next rows in (event, id) order, from the start and past every cursor.
     */
    private void matchesTheEdgeTables(List<PartitionInstance> inputs) {
        for (PartitionInstance input : inputs) {
            List<String> readers = db.fetch("select job_run_id from run_read where input_uuid = ? order by event_id, job_run_id",
                    input.uuid()).getValues(0, String.class);
            List<UUID> built = db.fetch("select output_uuid from read_dep where input_uuid = ? order by event_id, output_uuid",
                    input.uuid()).getValues(0, UUID.class);
            for (int size : new int[] {1, 2, 3, 20}) {
                walk(readers, size, page -> links.consumers(List.of(input), page).get(input), JobRun::jobRunId);
                walk(built, size, page -> links.downstream(List.of(input), page).get(input), PartitionInstance::uuid);
            }
        }
    }

    private static <T, I> void walk(List<I> all, int size, java.util.function.Function<PageArgs, Connection<T>> fetch,
                                    java.util.function.Function<T, I> id) {
        String cursor = null;
        for (int from = 0; ; from += size) {
            Connection<T> page = fetch.apply(new PageArgs(size, cursor, false));
            assertThat(page.nodes().stream().map(id).toList()).isEqualTo(all.subList(from, Math.min(all.size(), from + size)));
            assertThat(page.pageInfo().hasNextPage()).isEqualTo(from + size < all.size());
            if (!page.pageInfo().hasNextPage()) {
                return;
            }
            cursor = page.pageInfo().endCursor();
        }
    }
}
