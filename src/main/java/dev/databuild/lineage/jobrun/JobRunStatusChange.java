package dev.databuild.lineage.jobrun;

/** One status a run went through; {@code at} is epoch millis. */
public record JobRunStatusChange(String status, long at, long eventId) {
}
