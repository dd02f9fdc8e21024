package dev.databuild.lineage.support;

/**
 * Who or what caused an event, as the projection stores it (kind, user, job run). The run is
 * resolved to a JobRun by the jobrun feature, through its by-id loader.
 */
public record EventSource(String kind, String user, String jobRunId) {

    /** The source stored in the given columns; null when the event had none recorded (kind is null). */
    public static EventSource of(String kind, String user, String jobRunId) {
        return kind == null ? null : new EventSource(kind, user, jobRunId);
    }
}
