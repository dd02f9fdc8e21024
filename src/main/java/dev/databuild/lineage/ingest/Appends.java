package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.StatusChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows a batch only ever adds (the log, edges, status histories), written in JDBC batches. */
final class Appends {

    final List<Object[]> events = new ArrayList<>();
    final List<Object[]> jobRunWants = new ArrayList<>();
    final List<Object[]> readDeps = new ArrayList<>();
    final List<Object[]> runReads = new ArrayList<>();
    final List<Object[]> missingDeps = new ArrayList<>();
    final Map<List<Object>, StatusChange> wantHistory = new LinkedHashMap<>();
    final Map<List<Object>, StatusChange> instanceHistory = new LinkedHashMap<>();
    final Map<List<Object>, StatusChange> runHistory = new LinkedHashMap<>();

    /** One row per entity and event: a second change within the event rewrites the first. */
    static void status(Map<List<Object>, StatusChange> history, Object key, EventContext ctx, String status) {
        history.computeIfAbsent(List.of(key, ctx.eventId), k -> new StatusChange(key, ctx.eventId, status, ctx.at)).status = status;
    }

    void clear() {
        events.clear();
        jobRunWants.clear();
        readDeps.clear();
        runReads.clear();
        missingDeps.clear();
        wantHistory.clear();
        instanceHistory.clear();
        runHistory.clear();
    }
}
