package dev.databuild.lineage.ingest;

/** What a successful batch did: every event was either applied or a byte-identical duplicate. */
public record IngestResult(int received, int applied, int duplicates, long lastEventId) {
}
