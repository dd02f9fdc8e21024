package dev.databuild.lineage.partition;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class InstanceQueries {

    private final DSLContext db;

    InstanceQueries(DSLContext db) {
        this.db = db;
    }

    public Map<UUID, PartitionInstance> byUuids(Collection<UUID> uuids) {
        Map<UUID, PartitionInstance> out = new LinkedHashMap<>();
        db.selectFrom(PARTITION_INSTANCE).where(PARTITION_INSTANCE.UUID.in(uuids))
                .forEach(r -> out.put(r.getUuid(), PartitionInstance.from(r)));
        return out;
    }

    public Map<String, Partition> partitionsByRefs(Collection<String> refs) {
        Map<String, Partition> out = new LinkedHashMap<>();
        db.selectFrom(PARTITION_REF).where(PARTITION_REF.REF.in(refs))
                .forEach(r -> out.put(r.getRef(), new Partition(r.getRef(), r.getCurrentUuid(), r.getFirstEventId())));
        return out;
    }
}
