package dev.databuild.lineage.ingest;

import java.util.ArrayList;
import java.util.List;

/** Rows a batch only ever adds (the log, edges), written in JDBC batches. */
final class Appends {

    final List<Object[]> events = new ArrayList<>();
    final List<Object[]> jobRunWants = new ArrayList<>();
    final List<Object[]> readDeps = new ArrayList<>();
    final List<Object[]> runReads = new ArrayList<>();
    final List<Object[]> missingDeps = new ArrayList<>();

    void clear() {
        events.clear();
        jobRunWants.clear();
        readDeps.clear();
        runReads.clear();
        missingDeps.clear();
    }
}
