package dev.databuild.lineage.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/** Parents to batch in tests: the biggest relations, an even spread of the rest, and unknown keys. */
public final class Parents {

    private Parents() {
    }

    /**
     * @param all     every parent key, in a stable order
     * @param biggest parent keys by relation size, largest first
     * @param unknown keys that name no parent
     */
    @SafeVarargs
    public static <K> List<K> pick(DSLContext db, Class<K> type, String all, String biggest, K... unknown) {
        Set<K> out = new LinkedHashSet<>(db.fetch(biggest).getValues(0, type).stream().limit(6).toList());
        List<K> every = db.fetch(all).getValues(0, type);
        for (int i = 0; i < every.size(); i += Math.max(1, every.size() / 30)) {
            out.add(every.get(i));
        }
        out.addAll(List.of(unknown));
        return new ArrayList<>(out);
    }
}
