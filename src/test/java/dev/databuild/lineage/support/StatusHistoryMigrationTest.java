package dev.databuild.lineage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database created before V2 keeps its status histories: V2 packs the three history tables' rows
 * into their entities' rows, in event order, and drops the tables. Runs on H2 and PostgreSQL.
 */
@Tag("database")
class StatusHistoryMigrationTest {

    @Test
    void v2PacksEveryHistoryIntoItsRowInEventOrder() throws SQLException {
        Map<String, String> props = TestDatabase.newDatabase();
        var dataSource = new DriverManagerDataSource(props.get("spring.datasource.url"),
                props.get("spring.datasource.username"), props.get("spring.datasource.password"));
        Flyway.configure().dataSource(dataSource).target("1").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO want (want_id, created_event_id, created_at, data_timestamp, ttl_seconds, sla_seconds,"
                    + " source_kind, status) VALUES ('W-1', 1, 100, 0, 60, 60, 'MANUAL', 'SUCCESSFUL'),"
                    + " ('W-2', 2, 200, 0, 60, 60, 'MANUAL', 'IDLE')");
            // inserted out of order: the migration orders by event id
            s.execute("INSERT INTO want_status_history (want_id, event_id, status, at) VALUES"
                    + " ('W-1', 10, 'SUCCESSFUL', 1000), ('W-1', 1, 'IDLE', 100), ('W-1', 4, 'BUILDING', 400)");
            s.execute("INSERT INTO job_run (job_run_id, job_label, status, buffered_event_id, buffered_at,"
                    + " attempt_root_id, attempt) VALUES ('JR-1', 'job', 'QUEUED', 3, 300, 'JR-1', 1)");
            s.execute("INSERT INTO job_run_status_history (job_run_id, event_id, status, at) VALUES"
                    + " ('JR-1', 3, 'BUFFERED', 300), ('JR-1', 5, 'QUEUED', 500)");
            s.execute("INSERT INTO partition_instance (uuid, ref, job_run_id, status, created_event_id, created_at,"
                    + " updated_event_id, consumer_count, downstream_count)"
                    + " VALUES ('00000000-0000-0000-0000-000000000001', 'a', 'JR-1', 'BUILDING', 3, 300, 3, 0, 0)");
            s.execute("INSERT INTO instance_status_history (uuid, event_id, status, at)"
                    + " VALUES ('00000000-0000-0000-0000-000000000001', 3, 'BUILDING', 300)");
        }

        Flyway.configure().dataSource(dataSource).load().migrate();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(column(s, "SELECT status_history FROM want ORDER BY want_id"))
                    .containsExactly("1,IDLE,100;4,BUILDING,400;10,SUCCESSFUL,1000", "");
            assertThat(column(s, "SELECT status_history FROM job_run")).containsExactly("3,BUFFERED,300;5,QUEUED,500");
            assertThat(column(s, "SELECT status_history FROM partition_instance")).containsExactly("3,BUILDING,300");
            assertThat(column(s, "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) LIKE '%status_history'"))
                    .containsExactly("0");
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
