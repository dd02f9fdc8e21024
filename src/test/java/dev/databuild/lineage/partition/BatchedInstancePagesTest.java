package dev.databuild.lineage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.support.BatchEquivalence;
import dev.databuild.lineage.support.GraphQlTest;
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
    }
}
