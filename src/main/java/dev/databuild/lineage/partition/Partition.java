package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.GlobalId;

/**
 * A partition ref and its canonical instance, read with it: Partition.status and Partition.current
 * need no statement of their own.
 */
public record Partition(String ref, long firstEventId, PartitionInstance current) {

    public static final String TYPE = "Partition";

    public String id() {
        return GlobalId.of(TYPE, ref);
    }

    public String status() {
        return current.status();
    }
}
