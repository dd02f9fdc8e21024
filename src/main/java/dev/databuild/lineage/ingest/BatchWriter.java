package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.JOB_RUN_WANT;
import static dev.databuild.lineage.db.Tables.MISSING_DEP;
import static dev.databuild.lineage.db.Tables.READ_DEP;
import static dev.databuild.lineage.db.Tables.RUN_READ;
import static dev.databuild.lineage.db.Tables.WANT_PARTITION;

import dev.databuild.lineage.ingest.Rows.Row;
import dev.databuild.lineage.ingest.Rows.Want;
import dev.databuild.lineage.support.StatementCounter;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Writes a batch's changes: per table one INSERT for its new rows and one UPDATE for its changed
 * ones, each a JDBC batch of a statement rendered once. Rendering a jOOQ statement per row was
 * most of the cost of ingestion before.
 */
@Component
class BatchWriter {

    private final DSLContext db;
    private final StatementCounter statements;
    private final Map<Query, String> sqlOf = new ConcurrentHashMap<>();
    private final Query eventLog;
    private final Query wantPartition;
    private final Query jobRunWant;
    private final Query readDep;
    private final Query runRead;
    private final Query missingDep;
    /** Per row kind, its INSERT and its UPDATE, built once for this context's dialect. */
    private final Map<RowShapes.Shape<?>, Query[]> shapes = new ConcurrentHashMap<>();

    BatchWriter(DSLContext db, StatementCounter statements) {
        this.db = db;
        this.statements = statements;
        this.eventLog = insert(EVENT_LOG, EVENT_LOG.fields());
        this.wantPartition = insert(WANT_PARTITION, WANT_PARTITION.fields());
        this.jobRunWant = insert(JOB_RUN_WANT, JOB_RUN_WANT.fields());
        this.readDep = insert(READ_DEP, READ_DEP.fields());
        this.runRead = insert(RUN_READ, RUN_READ.fields());
        this.missingDep = insert(MISSING_DEP, MISSING_DEP.fields());
    }

    /** The rows later lookups of the batch may read back from the database. */
    void writeRows(BatchState s) {
        write(RowShapes.RUNS, s.runs.drainChanged());
        write(RowShapes.INSTANCES, s.instances.drainChanged());
        write(RowShapes.REFS, s.refs.drainChanged());
        List<Want> wants = s.wants.drainChanged();
        List<Object[]> positions = new ArrayList<>();
        for (Want w : wants) {
            if (w.isNew) {
                for (int i = 0; i < w.refs.size(); i++) {
                    positions.add(new Object[] {w.id, i, w.refs.get(i)});
                }
            }
        }
        write(RowShapes.WANTS, wants);
        execute(wantPartition, positions);
        write(RowShapes.TAINTS, s.taints.drainChanged());
        write(RowShapes.MARKS, s.marks.drainChanged());
        execute(missingDep, s.appends.missingDeps);
        s.appends.missingDeps.clear();
    }

    /** Everything else, which nothing reads while the batch runs: written once, at its end. */
    void writeAppends(Appends a) {
        execute(eventLog, a.events);
        execute(jobRunWant, a.jobRunWants);
        execute(readDep, a.readDeps);
        execute(runRead, a.runReads);
        a.clear();
    }

    private <R extends Row> void write(RowShapes.Shape<R> shape, Collection<R> rows) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (R row : rows) {
            if (row.isNew) {
                inserts.add(shape.values(row));
            } else if (row.dirty) {
                updates.add(shape.updateValues(row));
            }
            row.written();
        }
        Query[] queries = shapes.computeIfAbsent(shape, k -> new Query[] {k.insert(db), k.update(db)});
        execute(queries[0], inserts);
        execute(queries[1], updates);
    }

    /** Plain JDBC under jOOQ's rendering: binding each value through jOOQ cost more than H2's insert. */
    private void execute(Query query, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = sqlOf.computeIfAbsent(query, db::render);
        statements.countPlainJdbc();
        db.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    Query insert(Table<?> table, Field<?>[] fields) {
        return db.insertInto(table).columns(fields).values(nulls(List.of(fields)));
    }

    static List<Field<?>> nulls(List<Field<?>> fields) {
        return fields.stream().<Field<?>>map(f -> DSL.val(null, f)).toList();
    }
}
