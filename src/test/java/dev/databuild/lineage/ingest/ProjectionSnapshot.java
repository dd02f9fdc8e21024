package dev.databuild.lineage.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;

/** Every row of the event log and the projection, in a canonical order, for exact comparisons. */
public final class ProjectionSnapshot {

    private ProjectionSnapshot() {
    }

    public static Map<String, List<List<Object>>> projection(DSLContext db) {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        for (Table<?> t : ProjectionTables.ALL) {
            out.put(t.getName(), rows(db, t));
        }
        return out;
    }

    public static Map<String, List<List<Object>>> everything(DSLContext db) {
        Map<String, List<List<Object>>> out = projection(db);
        out.put(EVENT_LOG.getName(), rows(db, EVENT_LOG));
        out.put(LOG_HEAD.getName(), rows(db, LOG_HEAD));
        return out;
    }

    private static List<List<Object>> rows(DSLContext db, Table<?> t) {
        List<SortField<?>> order = new ArrayList<>();
        for (var f : t.fields()) {
            order.add(f.asc());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Record r : db.selectFrom(t).orderBy(order).fetch()) {
            List<Object> row = new ArrayList<>();
            for (Object v : r.intoArray()) {
                row.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
            }
            rows.add(row);
        }
        return rows;
    }
}
