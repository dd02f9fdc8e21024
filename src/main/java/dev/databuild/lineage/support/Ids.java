package dev.databuild.lineage.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic identities derived from the log, so a replay mints the same UUIDs. */
public final class Ids {

    private Ids() {
    }

    /** A partition instance is one build attempt of a ref by one run: name-based on both. */
    public static UUID instanceUuid(String jobRunId, String ref) {
        String name = "databuild-lineage/instance\u0000" + jobRunId + "\u0000" + ref;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
