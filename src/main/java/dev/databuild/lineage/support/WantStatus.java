package dev.databuild.lineage.support;

import java.util.Collection;

public enum WantStatus {
    IDLE, BUILDING, UPSTREAM_BUILDING, SUCCESSFUL, FAILED, UPSTREAM_FAILED, CANCELED;

    /**
     * The contract's derivation from the canonical instances of the want's refs, first match wins.
     * A null element is a ref with no instance yet.
     */
    public static WantStatus derive(Collection<PartitionStatus> canonical) {
        if (canonical.contains(PartitionStatus.FAILED)) {
            return FAILED;
        }
        if (canonical.contains(PartitionStatus.UPSTREAM_FAILED)) {
            return UPSTREAM_FAILED;
        }
        if (!canonical.isEmpty() && canonical.stream().allMatch(s -> s == PartitionStatus.LIVE)) {
            return SUCCESSFUL;
        }
        if (canonical.contains(PartitionStatus.BUILDING)) {
            return BUILDING;
        }
        if (canonical.contains(PartitionStatus.UPSTREAM_BUILDING) || canonical.contains(PartitionStatus.UP_FOR_RETRY)) {
            return UPSTREAM_BUILDING;
        }
        return IDLE;
    }
}
