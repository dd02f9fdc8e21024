package dev.databuild.lineage.ingest;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Existence checks as a LIMIT 1 probe. H2 caches an uncorrelated {@code SELECT EXISTS(...)} result
 * within a transaction and misses rows inserted earlier in the same batch, so fetchExists is unsafe.
 */
final class Exists {

    private Exists() {
    }

    static boolean any(DSLContext db, Table<?> table, Condition condition) {
        return db.selectOne().from(table).where(condition).limit(1).fetchOne() != null;
    }
}
