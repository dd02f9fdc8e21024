package dev.databuild.lineage.partition;

/** DataLoader key of Partition.asOf: the ref and the instant, in epoch millis. */
public record AsOfKey(String ref, long at) {
}
