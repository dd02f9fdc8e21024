package dev.databuild.lineage.support;

public enum JobRunStatus {
    BUFFERED, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED, DEP_MISS;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == DEP_MISS;
    }

    /** Ended in a way that makes a later run of the same job for the same refs a retry of it. */
    public boolean isRetryable() {
        return this == FAILED || this == CANCELED || this == DEP_MISS;
    }
}
