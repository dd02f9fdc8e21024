package dev.databuild.lineage.manual;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.LOG_HEAD;

import dev.databuild.lineage.bench.LikeProduction;
import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.ingest.ProjectionTables;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** By hand: the same log through IngestService and through HTTP, in two batch sizes, to compare the paths. */
class IngestPaths extends DatabaseTest {

    static {
        LikeProduction.assertionsOff();
    }

    @Autowired
    IngestService ingest;

    @Test
    void compare() throws Exception {
        long events = Long.getLong("bench.events", 100_000);
        List<DataBuildEvent> all = new ArrayList<>();
        new EventGenerator(EventGenerator.Params.benchmark(42, events, (int) Math.min(events / 10, 100_000), 50)).iterator()
                .forEachRemaining(all::add);
        StringBuilder out = new StringBuilder();
        jdk.jfr.Recording jfr = null;
        if (System.getProperty("paths.jfr") != null) {
            jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            jfr.start();
        }
        for (String round : System.getProperty("paths", "direct5000,http5000,direct10000,http10000,direct5000,http5000").split(",")) {
            wipe();
            boolean http = round.startsWith("http");
            int batch = Integer.parseInt(round.replaceAll("\\D", ""));
            long t0 = System.nanoTime();
            long inside = 0;
            for (int i = 0; i < all.size(); i += batch) {
                List<DataBuildEvent> chunk = all.subList(i, Math.min(all.size(), i + batch));
                if (http) {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    for (DataBuildEvent e : chunk) {
                        e.writeDelimitedTo(body);
                    }
                    byte[] bytes = body.toByteArray();
                    long s = System.nanoTime();
                    var r = Http.post(port, "/api/events", "application/x-protobuf", bytes);
                    inside += System.nanoTime() - s;
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                } else {
                    long s = System.nanoTime();
                    ingest.ingest(chunk);
                    inside += System.nanoTime() - s;
                    if (Boolean.getBoolean("paths.each")) {
                        System.out.printf("batch at %d: %d ms%n", i, (System.nanoTime() - s) / 1_000_000);
                    }
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            out.append(String.format("%-12s %d events: %.2f s total, %.2f s in calls, %.0f ev/s%n", round, all.size(), secs, inside / 1e9, all.size() / (inside / 1e9)));
            System.out.print(out);
        }
        System.out.println("RESULT (assertions " + LikeProduction.assertions() + ")\n" + out);
        if (jfr != null) {
            jfr.stop();
            jfr.dump(java.nio.file.Path.of(System.getProperty("paths.jfr")));
        }
    }

    private void wipe() {
        ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
        db.deleteFrom(EVENT_LOG).execute();
        db.update(LOG_HEAD).set(LOG_HEAD.LAST_EVENT_ID, 0L).execute();
    }
}
