package dev.databuild.lineage.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows of one kind a batch has looked up, by key, remembering the keys the database did not have. */
final class Known<K, V extends Rows.Row> {

    private final Class<V> type;
    private final Map<K, V> rows = new HashMap<>();
    private final Set<K> absent = new HashSet<>();
    /** Rows created or changed since the last write, each once. */
    private final List<Rows.Row> toWrite = new ArrayList<>();

    /** {@code type}: a row joins the write queue as a {@link Rows.Row} and is handed back as a V. */
    Known(Class<V> type) {
        this.type = type;
    }

    V get(K key) {
        return rows.get(key);
    }

    boolean has(K key) {
        return rows.containsKey(key);
    }

    /** The keys neither loaded nor known to be absent. */
    List<K> unknown(Collection<K> keys) {
        Set<K> out = new LinkedHashSet<>();
        for (K k : keys) {
            if (k != null && !rows.containsKey(k) && !absent.contains(k)) {
                out.add(k);
            }
        }
        return new ArrayList<>(out);
    }

    /** Adds a loaded or new row; a row already held wins, since it may carry unwritten changes. */
    V put(K key, V row) {
        V held = rows.putIfAbsent(key, row);
        absent.remove(key);
        if (held != null) {
            return held;
        }
        row.heldIn(toWrite);
        return row;
    }

    void markAbsent(Collection<K> asked) {
        for (K k : asked) {
            if (!rows.containsKey(k)) {
                absent.add(k);
            }
        }
    }

    int size() {
        return rows.size() + absent.size();
    }

    /** The rows to write, each marked written as it is handed out. */
    List<V> drainChanged() {
        List<V> out = new ArrayList<>(toWrite.size());
        for (Rows.Row row : toWrite) {
            out.add(type.cast(row));
        }
        toWrite.clear();
        return out;
    }
}
