package dev.databuild.lineage.jobrun;

/** One output of a dep-missed run and one input it could not find. */
public record MissingDep(String jobRunId, String impactedRef, String missingRef) {
}
