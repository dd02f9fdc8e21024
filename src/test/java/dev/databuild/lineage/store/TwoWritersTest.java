package dev.databuild.lineage.store;

import static dev.databuild.lineage.db.Tables.EVENT_LOG;
import static dev.databuild.lineage.db.Tables.PARTITION_INSTANCE;
import static dev.databuild.lineage.db.Tables.PARTITION_REF;
import static dev.databuild.lineage.ingest.Events.buffer;
import static dev.databuild.lineage.ingest.Events.heartbeat;
import static dev.databuild.lineage.ingest.Events.success;
import static dev.databuild.lineage.ingest.Events.want;
import static org.assertj.core.api.Assertions.assertThat;

import dev.databuild.lineage.LineageApplication;
import dev.databuild.lineage.ingest.ProjectionSnapshot;
import dev.databuild.lineage.ingest.ReplayService;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import dev.databuild.lineage.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two service instances over one database, posting at the same time with server-assigned ids:
 * the log stays gap-free and complete, and the projection equals a replay of it.
 */
class TwoWritersTest extends DatabaseTest {

    static final int BATCHES = 25;

    @Autowired
    Environment env;

    @Autowired
    ReplayService replay;

    @Test
    void concurrentWritersNeverCorruptTheLogOrTheProjection() throws Exception {
        assertThat(Http.postProtobuf(port, List.of(want("W-base", "shared/base"), buffer("JR-base", "//jobs:base", "W-base", "shared/base"),
                heartbeat("JR-base"), success("JR-base"))).status()).isEqualTo(200);
        try (var second = new SpringApplicationBuilder(LineageApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + env.getProperty("spring.datasource.password"))) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> writers = new ArrayList<>();
            writers.add(pool.submit(() -> write(port, "a")));
            writers.add(pool.submit(() -> write(port, "b")));
            writers.add(pool.submit(() -> write(secondPort, "c")));
            writers.add(pool.submit(() -> write(secondPort, "d")));
            int acknowledged = 4;
            for (Future<Integer> w : writers) {
                acknowledged += w.get();
            }
            pool.shutdown();

            List<Long> ids = db.select(EVENT_LOG.EVENT_ID).from(EVENT_LOG).orderBy(EVENT_LOG.EVENT_ID).fetch(EVENT_LOG.EVENT_ID);
            assertThat(ids).hasSize(acknowledged);
            assertThat(ids.get(ids.size() - 1)).isEqualTo(acknowledged);
            int readers = 4 * BATCHES;
            assertThat(db.select(PARTITION_INSTANCE.CONSUMER_COUNT).from(PARTITION_INSTANCE)
                    .join(PARTITION_REF).on(PARTITION_REF.CURRENT_UUID.eq(PARTITION_INSTANCE.UUID))
                    .where(PARTITION_REF.REF.eq("shared/base")).fetchSingle(PARTITION_INSTANCE.CONSUMER_COUNT)).isEqualTo(readers);
            var incremental = ProjectionSnapshot.projection(db);
            replay.replay();
            assertThat(ProjectionSnapshot.projection(db)).isEqualTo(incremental);
        }
    }

    /** One writer's batches: a want and a run that reads the shared partition, each batch atomic. */
    private static int write(int port, String writer) {
        int applied = 0;
        for (int i = 0; i < BATCHES; i++) {
            String w = "W-" + writer + i;
            String run = "JR-" + writer + i;
            String ref = "out/" + writer + "/" + i;
            List<DataBuildEvent> batch = List.of(want(w, ref), buffer(run, "//jobs:" + writer, w, ref), heartbeat(run),
                    success(run, "shared/base"));
            var r = Http.postProtobuf(port, batch);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            applied += batch.size();
        }
        return applied;
    }
}
