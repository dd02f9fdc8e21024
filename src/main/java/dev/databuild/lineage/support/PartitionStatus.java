package dev.databuild.lineage.support;

/**
 * Status of one partition instance. CANCELED is ours: the contract names no instance status for a
 * canceled run, and calling its outputs FAILED would fail the wants that asked for them.
 */
public enum PartitionStatus {
    BUILDING, UPSTREAM_BUILDING, UP_FOR_RETRY, LIVE, FAILED, UPSTREAM_FAILED, TAINTED, CANCELED
}
