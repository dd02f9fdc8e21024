package dev.databuild.lineage.want;

/** One status a want went through; {@code at} is epoch millis. */
public record WantStatusChange(String status, long at, long eventId) {
}
