package dev.databuild.lineage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.databuild.lineage.LineageApplication;
import dev.databuild.lineage.support.Http;
import dev.databuild.lineage.support.StatementCounter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps what it acknowledged: the H2 file database survives a restart. */
class RestartDurabilityTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--lineage.data-dir=" + dataDir;
        System.arraycopy(extra, 0, args, 2, extra.length);
        return new SpringApplicationBuilder(LineageApplication.class).run(args);
    }

    /** The example log as a delimited BEL file in the data directory. */
    private Path exampleBel() throws IOException {
        Path bel = dataDir.resolve("example.bel");
        try (OutputStream out = Files.newOutputStream(bel)) {
            out.write(Http.delimited(ExampleLog.events()));
        }
        return bel;
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    void acknowledgedEventsSurviveARestart() {
        Object projection;
        try (var ctx = start()) {
            var r = Http.postProtobuf(port(ctx), ExampleLog.events());
            assertThat(r.status()).isEqualTo(200);
            projection = ProjectionSnapshot.everything(ctx.getBean(DSLContext.class));
        }
        assertThat(dataDir.resolve("lineage.mv.db")).exists();
        try (var ctx = start()) {
            assertThat(ProjectionSnapshot.everything(ctx.getBean(DSLContext.class))).isEqualTo(projection);
            assertThat(Http.get(port(ctx), "/api/events?limit=100").body()).contains("W-001", "JR-789");
        }
    }

    @Test
    void importsABelFileAtStartupAndAgainOnlyAsDuplicates() throws IOException {
        Path bel = exampleBel();
        Object projection;
        try (var ctx = start("--lineage.import.file=" + bel)) {
            assertThat(ctx.getBean(EventLog.class).lastEventId()).isEqualTo(23);
            projection = ProjectionSnapshot.everything(ctx.getBean(DSLContext.class));
        }
        try (var ctx = start("--lineage.import.file=" + bel, "--lineage.replay-on-start=true")) {
            assertThat(ProjectionSnapshot.everything(ctx.getBean(DSLContext.class))).isEqualTo(projection);
        }
    }

    @Test
    void importsInConfiguredChunksToTheSameProjection() throws IOException {
        Path bel = exampleBel();
        Object whole;
        long wholeStatements;
        try (var ctx = start("--lineage.import.file=" + bel)) {
            whole = ProjectionSnapshot.projection(ctx.getBean(DSLContext.class));
            wholeStatements = ctx.getBean(StatementCounter.class).total();
        }
        Path other = dataDir.resolve("chunked");
        try (var ctx = new SpringApplicationBuilder(LineageApplication.class).run("--server.port=0",
                "--lineage.data-dir=" + other, "--lineage.import.file=" + bel, "--lineage.import.chunk-events=5")) {
            assertThat(ctx.getBean(EventLog.class).lastEventId()).isEqualTo(23);
            assertThat(ProjectionSnapshot.projection(ctx.getBean(DSLContext.class))).isEqualTo(whole);
            // the same start-up, but 23 events in five transactions: each batch has its own statements
            assertThat(ctx.getBean(StatementCounter.class).total()).isGreaterThan(wholeStatements + 4 * 5);
        }
        assertThatThrownBy(() -> start("--lineage.import.chunk-events=0"))
                .hasStackTraceContaining("lineage.import.chunk-events must be at least 1, was 0");
    }

    @Test
    void demoDataLoadsIntoAnEmptyDatabaseOnly() {
        long events;
        try (var ctx = start("--lineage.demo.enabled=true")) {
            events = ctx.getBean(EventLog.class).count();
            assertThat(events).isGreaterThan(2_000);
            assertThat(Http.get(port(ctx), "/api/events?limit=1").body()).contains("W-001");
        }
        try (var ctx = start("--lineage.demo.enabled=true")) {
            assertThat(ctx.getBean(EventLog.class).count()).isEqualTo(events);
        }
    }
}
