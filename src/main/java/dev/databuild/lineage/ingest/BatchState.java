package dev.databuild.lineage.ingest;

import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.Ref;
import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.ingest.Rows.Taint;
import dev.databuild.lineage.ingest.Rows.TaintMark;
import dev.databuild.lineage.ingest.Rows.Want;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The projection as one batch sees it: the rows its events touch, loaded in bulk before the first
 * event and kept in memory while the events change them, then written back in JDBC batches.
 * <p>
 * The rule that keeps it exact: a row held here is the truth, and anything read from the database
 * during the batch is read only after every pending change was written ({@link #ensure}), so a
 * lookup the prefetch did not foresee (a failure cascading to waiters elsewhere) still sees every
 * earlier event of the batch. The ref-keyed indexes only list keys they have loaded in full, and
 * the events keep those loaded lists up to date.
 */
final class BatchState {

    final Known<String, Run> runs = new Known<>(Run.class);
    final Known<String, Want> wants = new Known<>(Want.class);
    final Known<String, Taint> taints = new Known<>(Taint.class);
    final Known<String, Ref> refs = new Known<>(Ref.class);
    final Known<UUID, Instance> instances = new Known<>(Instance.class);
    /** taint_instance rows by (taint id, uuid): one object, shared by its taint and its instance. */
    final Known<List<Object>, TaintMark> marks = new Known<>(TaintMark.class);
    /** ref -> every want naming it. */
    final Map<String, Set<String>> wantsOnRef = new HashMap<>();
    /** missing ref -> runs that ended DepMiss naming it. */
    final Map<String, Set<String>> waitersOnRef = new HashMap<>();
    /** ref -> runs that built it, ended retryable and were not retried when loaded. */
    final Map<String, Set<String>> retryCandidates = new HashMap<>();
    final Appends appends = new Appends();

    private final StateLoader loader;
    private final BatchWriter writer;

    BatchState(StateLoader loader, BatchWriter writer) {
        this.loader = loader;
        this.writer = writer;
    }

    Run run(String id) {
        ensure(runs, List.of(id), loader::runs);
        return runs.get(id);
    }

    Want want(String id) {
        ensure(wants, List.of(id), loader::wants);
        return wants.get(id);
    }

    Taint taint(String id) {
        ensure(taints, List.of(id), loader::taints);
        return taints.get(id);
    }

    Instance instance(UUID uuid) {
        ensure(instances, List.of(uuid), loader::instances);
        return instances.get(uuid);
    }

    /** The ref's row, or null if no instance of it was ever minted. */
    Ref ref(String ref) {
        ensure(refs, List.of(ref), loader::refs);
        return refs.get(ref);
    }

    void preloadRuns(Collection<String> ids) {
        ensure(runs, ids, loader::runs);
    }

    void preloadWants(Collection<String> ids) {
        ensure(wants, ids, loader::wants);
    }

    void preloadTaints(Collection<String> ids) {
        ensure(taints, ids, loader::taints);
    }

    void preloadRefs(Collection<String> keys) {
        ensure(refs, keys, loader::refs);
    }

    Set<String> wantsOn(Collection<String> keys) {
        return index(wantsOnRef, keys, loader::wantsOn);
    }

    Set<String> waitersOn(Collection<String> keys) {
        return index(waitersOnRef, keys, loader::waitersOn);
    }

    Set<String> retryCandidatesFor(Collection<String> keys) {
        return index(retryCandidates, keys, loader::retryCandidates);
    }

    /** The instance of a ref minted last before an event: what a run rebuilding the ref read of it. */
    UUID instanceBefore(String ref, long eventId) {
        flush();
        return loader.instanceBefore(this, ref, eventId);
    }

    /** Adds a row this batch created; it is inserted when the batch is written. */
    <K, V extends Rows.Row> V created(Known<K, V> known, K key, V row) {
        row.created();
        return known.put(key, row);
    }

    /** Rows held, the measure of the memory a kept state costs. */
    int size() {
        return runs.size() + wants.size() + taints.size() + refs.size() + instances.size() + marks.size();
    }

    /** Writes every pending change; the rows stay held, now equal to the database. */
    void flush() {
        writer.writeRows(this);
    }

    private <K> void ensure(Known<K, ?> known, Collection<K> keys, Loader<K> load) {
        List<K> unknown = known.unknown(keys);
        if (!unknown.isEmpty()) {
            flush();
            load.load(this, unknown);
            known.markAbsent(unknown);
        }
    }

    private Set<String> index(Map<String, Set<String>> index, Collection<String> keys, Loader<String> load) {
        List<String> unknown = keys.stream().filter(k -> !index.containsKey(k)).distinct().toList();
        if (!unknown.isEmpty()) {
            flush();
            unknown.forEach(k -> index.put(k, new LinkedHashSet<>()));
            load.load(this, unknown);
        }
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(k -> out.addAll(index.get(k)));
        return out;
    }

    /** Adds to an index entry only if it is loaded; an unloaded one will be read after a flush. */
    static void addIfLoaded(Map<String, Set<String>> index, String key, String value) {
        Set<String> entry = index.get(key);
        if (entry != null) {
            entry.add(value);
        }
    }

    @FunctionalInterface
    interface Loader<K> {
        void load(BatchState state, List<K> keys);
    }
}
