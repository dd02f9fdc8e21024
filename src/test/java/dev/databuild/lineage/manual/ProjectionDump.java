package dev.databuild.lineage.manual;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Differential check between two builds: dumps the projection of 30 generated logs, ingested in
 * batches of 1, up to 50 and up to 3,000 events, to /tmp/difftest/TAG-N.txt. Run it with
 * -Ddump.tag=old on one build and -Ddump.tag=new on the other, then compare the files.
 */
class ProjectionDump extends DatabaseTest {

    @Autowired
    IngestService ingest;

    @Test
    void dump() throws Exception {
        String tag = System.getProperty("dump.tag", "x");
        for (long seed = 1; seed <= 30; seed++) {
            EventGenerator.Params params = seed == 30 ? EventGenerator.Params.benchmark(42, 20_000, 500, 50)
                    : EventGenerator.Params.small(seed * 104729, 200 + (seed * 131) % 900).toBuilder()
                            .leaveInFlight(seed % 3 == 0 ? 0.3 : 0).build();
            List<DataBuildEvent> events = new EventGenerator(params).stream().toList();
            SplittableRandom random = new SplittableRandom(seed);
            for (int from = 0; from < events.size(); ) {
                int size = seed % 4 == 0 ? 1 : seed % 4 == 1 ? 1 + random.nextInt(50) : 1 + random.nextInt(3000);
                int to = Math.min(events.size(), from + size);
                ingest.ingest(events.subList(from, to));
                from = to;
            }
            Files.createDirectories(Path.of("/tmp/difftest"));
            Files.writeString(Path.of("/tmp/difftest/" + tag + "-" + seed + ".txt"), ProjectionSnapshot.projection(db).toString());
            dev.databuild.lineage.ingest.ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
            db.deleteFrom(dev.databuild.lineage.db.Tables.EVENT_LOG).execute();
            db.update(dev.databuild.lineage.db.Tables.LOG_HEAD).set(dev.databuild.lineage.db.Tables.LOG_HEAD.LAST_EVENT_ID, 0L).execute();
        }
    }
}
