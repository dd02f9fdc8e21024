package dev.databuild.lineage.reliability;

import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.ingest.Events.buffer;
import static dev.databuild.lineage.ingest.Events.heartbeat;
import static dev.databuild.lineage.ingest.Events.success;
import static dev.databuild.lineage.ingest.Events.taint;
import static dev.databuild.lineage.ingest.Events.untaint;
import static dev.databuild.lineage.ingest.Events.want;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.Ids;
import dev.databuild.lineage.support.StatusHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the crash test's long random log: a taint taken while an instance was BUILDING, lifted
 * after the run succeeded and a second taint came and went, put the instance back to BUILDING.
 */
class TaintLiftTest extends DatabaseTest {

    @Test
    void liftingTheLastTaintRestoresTheStatusOfNowNotOfThen() {
        var r = Http.postProtobuf(port, List.of(want("W-1", "data/a"), buffer("JR-1", "//jobs:a", "W-1", "data/a"),
                taint("T-1", "data/a"), heartbeat("JR-1"), success("JR-1"), taint("T-2", "data/a"), untaint("T-2"), untaint("T-1")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var uuid = Ids.instanceUuid("JR-1", "data/a");
        assertThat(db.select(PARTITION_INSTANCE.STATUS).from(PARTITION_INSTANCE).where(PARTITION_INSTANCE.UUID.eq(uuid)).fetchSingle().value1())
                .isEqualTo("LIVE");
        assertThat(StatusHistory.parse(db.select(PARTITION_INSTANCE.STATUS_HISTORY).from(PARTITION_INSTANCE)
                .where(PARTITION_INSTANCE.UUID.eq(uuid)).fetchSingle().value1(), (status, at, eventId) -> status))
                .containsExactly("BUILDING", "TAINTED", "LIVE", "TAINTED", "LIVE");
        Databases.assertConsistent(db, port);
    }
}
