package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.ingest.ProjectionTables;
import dev.databuild.lineage.support.Http;
import org.jooq.DSLContext;

/** Database chores shared by the reliability tests. */
final class Databases {

    private Databases() {
    }

    /** Back to an empty log and projection, as a fresh database. */
    static void empty(DSLContext db) {
        ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
        db.deleteFrom(EVENT_LOG).execute();
        db.update(LOG_HEAD).set(LOG_HEAD.LAST_EVENT_ID, 0L).execute();
    }

    /**
     * The projection obeys its invariants and equals a rebuild from the log (POST /api/admin/replay):
     * nothing incremental drifted from what the log says.
     */
    static void assertConsistent(DSLContext db, int port) {
        ProjectionInvariants.check(db);
        var incremental = ProjectionSnapshot.everything(db);
        var replay = Http.post(port, "/api/admin/replay", "application/json", new byte[0]);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(ProjectionSnapshot.everything(db)).as("projection after a replay").isEqualTo(incremental);
    }
}
