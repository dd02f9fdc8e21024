package dev.databuild.lineage.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record2;

import static dev.databuild.lineage.db.Tables.JOB_RUN;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.RUN_READ;

/**
 * The fan-out question ("the first N runs that read this instance, with what each wrote") answered
 * two other ways on the same data: (a) as an unbatched GraphQL server would, one statement per
 * parent per field, and (b) the floor, one hand-written SQL statement through plain JDBC. Each
 * returns the number of (consumer, output) rows so the three answers can be checked against each
 * other.
 */
final class FanOutBaselines {

    /** Same shape as the GraphQL document the benchmark sends. */
    static final String DOCUMENT = """
            query fanOut($uuid: ID!, $first: Int!) {
              partitionInstance(uuid: $uuid) {
                ref
                consumers(first: $first) {
                  totalCount
                  nodes { jobRunId status wrote { totalCount nodes { uuid ref status } } }
                }
              }
            }
            """;

    private static final String FLOOR_SQL = """
            select (select pi0.consumer_count from partition_instance pi0 where pi0.uuid = ?) as total,
                   c.job_run_id, j.status, o.uuid, o.ref, o.status
            from (select job_run_id, event_id from run_read where input_uuid = ?
                  order by event_id, job_run_id limit ?) c
            join job_run j on j.job_run_id = c.job_run_id
            left join partition_instance o on o.job_run_id = c.job_run_id
            order by c.event_id, c.job_run_id, o.ref
            """;

    private final DSLContext db;
    private final DataSource dataSource;

    FanOutBaselines(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** What a resolver-per-field server does: the instance, its consumer page, then per run its row and its outputs. */
    int unbatched(UUID uuid, int first) {
        db.select(PARTITION_INSTANCE.REF, PARTITION_INSTANCE.CONSUMER_COUNT).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.UUID.eq(uuid)).fetchOne();
        List<Record2<String, Long>> page = db.select(RUN_READ.JOB_RUN_ID, RUN_READ.EVENT_ID).from(RUN_READ)
                .where(RUN_READ.INPUT_UUID.eq(uuid)).orderBy(RUN_READ.EVENT_ID, RUN_READ.JOB_RUN_ID)
                .limit(first).fetch();
        int rows = 0;
        for (Record2<String, Long> consumer : page) {
            String run = consumer.value1();
            db.select(JOB_RUN.JOB_RUN_ID, JOB_RUN.STATUS).from(JOB_RUN).where(JOB_RUN.JOB_RUN_ID.eq(run)).fetchOne();
            db.selectCount().from(PARTITION_INSTANCE).where(PARTITION_INSTANCE.JOB_RUN_ID.eq(run)).fetchOne();
            int outputs = db.select(PARTITION_INSTANCE.UUID, PARTITION_INSTANCE.REF, PARTITION_INSTANCE.STATUS)
                    .from(PARTITION_INSTANCE).where(PARTITION_INSTANCE.JOB_RUN_ID.eq(run))
                    .orderBy(PARTITION_INSTANCE.REF).fetch().size();
            rows += Math.max(1, outputs);
        }
        return rows;
    }

    /** Statements {@link #unbatched} runs for a page of {@code consumers} runs. */
    static long unbatchedStatements(int consumers) {
        return 2 + 3L * consumers;
    }

    int floor(UUID uuid, int first) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FLOOR_SQL)) {
            s.setObject(1, uuid);
            s.setObject(2, uuid);
            s.setInt(3, first);
            int rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
