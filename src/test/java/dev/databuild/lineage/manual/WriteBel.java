package dev.databuild.lineage.manual;

import dev.databuild.lineage.generator.EventGenerator;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes a generated BEL as a delimited-protobuf file, for importing into a real service with
 * {@code lineage.import.file} (BENCHMARKS.md, "Import into the running service"). Streams, so a
 * million events need no heap: -Dbel.events=1000000 -Dbel.hub=100000 -Dbel.out=/tmp/bel.bin
 */
class WriteBel {

    @Test
    void write() throws Exception {
        long events = Long.getLong("bel.events", 1_000_000);
        int hub = Integer.getInteger("bel.hub", (int) Math.min(events / 10, 100_000));
        Path out = Path.of(System.getProperty("bel.out", "target/bel-" + events + ".bin"));
        long n = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            var it = new EventGenerator(EventGenerator.Params.benchmark(42, events, hub, 50)).stream().iterator();
            while (it.hasNext()) {
                it.next().writeDelimitedTo(os);
                n++;
            }
        }
        System.out.printf("wrote %d events to %s (%d MB)%n", n, out, Files.size(out) >> 20);
    }
}
