package dev.databuild.lineage.partition;

import dev.databuild.lineage.support.GlobalId;
import java.util.UUID;

/** A partition ref and its canonical instance's UUID. */
public record Partition(String ref, UUID currentUuid, long firstEventId) {

    public static final String TYPE = "Partition";

    public String id() {
        return GlobalId.of(TYPE, ref);
    }
}
