package dev.databuild.lineage.ingest;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.db.Tables.TAINT;
import static dev.databuild.lineage.db.Tables.TAINT_INSTANCE;
import static dev.databuild.lineage.db.Tables.WANT;

import dev.databuild.lineage.ingest.Rows.Instance;
import dev.databuild.lineage.ingest.Rows.Ref;
import dev.databuild.lineage.ingest.Rows.Row;
import dev.databuild.lineage.ingest.Rows.Run;
import dev.databuild.lineage.ingest.Rows.Taint;
import dev.databuild.lineage.ingest.Rows.TaintMark;
import dev.databuild.lineage.ingest.Rows.Want;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** How each in-memory row kind maps onto its table: the column values in table order, and its key. */
final class RowShapes {

    private RowShapes() {
    }

    static final Shape<Run> RUNS = new Shape<>(JOB_RUN, 1, r -> new Object[] {
            r.id, r.label, r.status.name(), r.bufferedEventId, r.bufferedAt, r.queuedAt, r.startedAt, r.lastHeartbeatAt,
            r.endedEventId, r.endedAt, r.failureReason, r.cancelComment, kind(r.cancelSource), user(r.cancelSource),
            run(r.cancelSource), r.previousAttemptId, r.attemptRootId, r.attempt, r.statusHistory});

    static final Shape<Instance> INSTANCES = new Shape<>(PARTITION_INSTANCE, 1, i -> new Object[] {
            i.uuid, i.ref, i.jobRunId, i.status.name(), i.createdEventId, i.createdAt, i.updatedEventId,
            i.supersededEventId, i.supersededAt, i.consumerCount, i.downstreamCount, i.statusHistory});

    static final Shape<Ref> REFS = new Shape<>(PARTITION_REF, 1, r -> new Object[] {r.ref, r.currentUuid, r.firstEventId});

    static final Shape<Want> WANTS = new Shape<>(WANT, 1, w -> new Object[] {
            w.id, w.createdEventId, w.createdAt, w.dataTimestamp, w.ttlSeconds, w.slaSeconds, w.comment,
            w.source.kind(), w.source.user(), w.source.jobRunId(), w.status.name(), w.canceledEventId, w.canceledAt,
            w.cancelComment, kind(w.cancelSource), user(w.cancelSource), run(w.cancelSource), w.statusHistory});

    static final Shape<Taint> TAINTS = new Shape<>(TAINT, 1, t -> new Object[] {
            t.id, t.createdEventId, t.createdAt, t.comment, t.source.kind(), t.source.user(), t.source.jobRunId(),
            t.canceledEventId, t.canceledAt});

    static final Shape<TaintMark> MARKS = new Shape<>(TAINT_INSTANCE, 2, m -> new Object[] {
            m.taintId, m.uuid, m.ref, m.priorStatus.name()});

    private static String kind(Source s) {
        return s == null ? null : s.kind();
    }

    private static String user(Source s) {
        return s == null ? null : s.user();
    }

    private static String run(Source s) {
        return s == null ? null : s.jobRunId();
    }

    /**
     * A table whose first {@code keyColumns} columns are its primary key. The column order is the
     * generated table's, which is the migration's, so {@code values} lists them as the DDL does.
     */
    static final class Shape<R extends Row> {
        private final Table<?> table;
        private final int keyColumns;
        private final Function<R, Object[]> values;

        Shape(Table<?> table, int keyColumns, Function<R, Object[]> values) {
            this.table = table;
            this.keyColumns = keyColumns;
            this.values = values;
        }

        Object[] values(R row) {
            return values.apply(row);
        }

        /** The non-key columns, then the key: the bind order of {@link #update}. */
        Object[] updateValues(R row) {
            Object[] v = values.apply(row);
            Object[] out = new Object[v.length];
            System.arraycopy(v, keyColumns, out, 0, v.length - keyColumns);
            System.arraycopy(v, 0, out, v.length - keyColumns, keyColumns);
            return out;
        }

        Query insert(DSLContext db) {
            return db.insertInto(table).columns(table.fields()).values(BatchWriter.nulls(List.of(table.fields())));
        }

        Query update(DSLContext db) {
                Field<?>[] fields = table.fields();
                Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
                for (Field<?> f : Arrays.copyOfRange(fields, keyColumns, fields.length)) {
                    set.put(f, DSL.val(null, f));
                }
                Condition key = DSL.noCondition();
                for (Field<?> f : Arrays.copyOfRange(fields, 0, keyColumns)) {
                    key = key.and(eqParam(f));
                }
                return db.update(table).set(set).where(key);
        }

        private static <T> Condition eqParam(Field<T> f) {
            return f.eq(DSL.val(null, f));
        }
    }
}
