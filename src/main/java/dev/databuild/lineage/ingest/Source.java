package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.EventSource;

/** An EventSource flattened into the columns the projection stores (kind, user, job run). */
record Source(String kind, String user, String jobRunId) {

    static Source of(EventSource s) {
        return switch (s.getSourceCase()) {
            case MANUALLY_TRIGGERED -> new Source("MANUAL", s.getManuallyTriggered().getUser(), null);
            case JOB_TRIGGERED -> new Source("JOB", null, s.getJobTriggered().getJobRunId());
            case SOURCE_NOT_SET -> new Source("NONE", null, null);
        };
    }
}
