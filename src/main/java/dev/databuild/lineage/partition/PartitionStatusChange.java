package dev.databuild.lineage.partition;

/** One status an instance went through; {@code at} is epoch millis. */
public record PartitionStatusChange(String status, long at, long eventId) {
}
