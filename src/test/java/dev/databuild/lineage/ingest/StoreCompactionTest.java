package dev.databuild.lineage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.databuild.lineage.LineageApplication;
import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/** The embedded H2 file stays near the size of its data, and compacting it changes nothing in it. */
class StoreCompactionTest {

    private static final int EVENTS = 40_000;

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String name, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--lineage.data-dir=" + dir.resolve(name);
        args[2] = "--lineage.import.chunk-events=2000";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new SpringApplicationBuilder(LineageApplication.class).run(args);
    }

    private Path generatedBel() throws IOException {
        Path bel = dir.resolve("generated.bel");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bel))) {
            Iterator<DataBuildEvent> events = new EventGenerator(EventGenerator.Params.benchmark(7, EVENTS, 2_000, 20)).stream().iterator();
            while (events.hasNext()) {
                events.next().writeDelimitedTo(out);
            }
        }
        return bel;
    }

    private static double gauge(ConfigurableApplicationContext ctx, String name) {
        return ctx.getBean(MeterRegistry.class).get(name).gauge().value();
    }

    private long fileSize(String name) throws IOException {
        return Files.size(dir.resolve(name).resolve("lineage.mv.db"));
    }

    @Test
    void aMostlyGarbageFileIsCompactedAfterCommitsAndKeepsEveryRow() throws IOException, SQLException {
        Path bel = generatedBel();
        Object plain;
        long plainSize;
        try (var ctx = start("plain", "--lineage.import.file=" + bel, "--lineage.store.compact-below-live-percent=0")) {
            assertThat(ctx.getBean(StoreCompaction.class).compactions()).isZero();
            assertThat(gauge(ctx, "lineage.store.file.size")).isPositive();
            plain = ProjectionSnapshot.projection(ctx.getBean(DSLContext.class));
            plainSize = fileSize("plain");
        }
        Object compacted;
        try (var ctx = start("compacted", "--lineage.import.file=" + bel, "--lineage.store.compact-from-size=1MB")) {
            assertThat(ctx.getBean(StoreCompaction.class).compactions()).isPositive();
            assertThat(ctx.getBean(MeterRegistry.class).get("lineage.store.compaction").timer().count()).isPositive();
            assertThat(gauge(ctx, "lineage.store.file.live")).isGreaterThanOrEqualTo(25);
            compacted = ProjectionSnapshot.everything(ctx.getBean(DSLContext.class));
            assertThat(ProjectionSnapshot.projection(ctx.getBean(DSLContext.class))).isEqualTo(plain);
            assertThat(fileSize("compacted")).as("compacted vs %d bytes uncompacted", plainSize).isLessThan(plainSize / 2);
            try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
                assertThat(StoreCompaction.fileStore(c).getRetentionTime()).as("H2's retention time, restored").isEqualTo(45_000);
            }
        }
        try (var ctx = start("compacted")) {
            assertThat(ProjectionSnapshot.everything(ctx.getBean(DSLContext.class))).as("after a restart").isEqualTo(compacted);
        }
    }

    @Test
    void aFileBelowTheSizeFloorIsLeftAlone() throws IOException {
        try (var ctx = start("small", "--lineage.import.file=" + generatedBel(), "--lineage.store.compact-below-live-percent=100",
                "--lineage.store.compact-from-size=4GB")) {
            assertThat(fileSize("small")).isLessThan(DataSize.ofGigabytes(4).toBytes());
            assertThat(ctx.getBean(StoreCompaction.class).compactions()).isZero();
        }
    }

    @Test
    void anInMemoryDatabaseHasNothingToCompact() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction");
        var compaction = new StoreCompaction(memory, new StoreProperties(100, DataSize.ofBytes(0), Duration.ofSeconds(1)),
                new SimpleMeterRegistry());
        compaction.afterWrite();
        compaction.afterWrite();
        assertThat(compaction.compactions()).isZero();
    }

    @Test
    void aStoreThatCannotBeReachedTurnsCompactionOffInsteadOfFailingEachWrite() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:unreachable");
        AtomicInteger asked = new AtomicInteger();
        DataSource refusing = new DelegatingDataSource(memory) {
            @Override
            public Connection getConnection() throws SQLException {
                asked.incrementAndGet();
                Connection c = super.getConnection();
                c.close();
                throw new IllegalStateException("H2's internals changed");
            }
        };
        var compaction = new StoreCompaction(refusing, new StoreProperties(100, DataSize.ofBytes(0), Duration.ofSeconds(1)),
                new SimpleMeterRegistry());
        compaction.afterWrite();
        compaction.afterWrite();
        assertThat(asked).as("connections asked for").hasValue(1);
    }

    @Test
    void settingsOutOfRangeAreRefusedAtStartUp() {
        assertThatThrownBy(() -> start("bad", "--lineage.store.compact-below-live-percent=101"))
                .hasStackTraceContaining("lineage.store.compact-below-live-percent must be 0-100, was 101");
        assertThatThrownBy(() -> start("bad", "--lineage.store.compact-max-time=-1s"))
                .hasStackTraceContaining("lineage.store.compact-max-time must be");
    }
}
