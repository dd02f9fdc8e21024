package dev.databuild.lineage.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.databuild.lineage.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The same writers, readers and replay as {@link ConcurrentLoadTest}, on an H2 file that is compacted
 * after nearly every commit: the readers read while regions of the file are rewritten under them.
 */
@ContextConfiguration(initializers = CompactingLoadTest.OnACompactedFile.class)
class CompactingLoadTest extends ConcurrentLoadTest {

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void h2Only() {
        assumeFalse(TestDatabase.isPostgres(), "compaction is the H2 file's");
    }

    @AfterEach
    void theFileWasCompactedUnderTheLoad() {
        long compactions = meters.get("lineage.store.compaction").timer().count();
        System.out.printf("[reliability] the H2 file was compacted %d times under the load%n", compactions);
        assertThat(compactions).isPositive();
    }

    /** Runs after {@code FreshDatabase}, so the file takes the in-memory database's place. */
    static class OnACompactedFile implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path dir;
            try {
                dir = Files.createTempDirectory("lineage-compacting");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("compacted-file", Map.of(
                    "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("lineage")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=1024",
                    "lineage.store.compact-from-size", "0B",
                    "lineage.store.compact-below-live-percent", "90")));
        }
    }
}
