package dev.databuild.lineage.bench;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The generated log as a delimited BEL file, written as the generator streams, so no size holds
 * the whole log in memory; batches are read back from the file one at a time.
 */
final class BelFile {

    private BelFile() {
    }

    /** Writes the generator's events to {@code file}; returns how many. */
    static long write(EventGenerator generator, Path file) throws IOException {
        long[] n = new long[1];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            generator.generate(e -> {
                try {
                    e.writeDelimitedTo(out);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                n[0]++;
            });
        }
        return n[0];
    }

    /** Hands each batch of up to {@code size} events, as a delimited body, with its event count. */
    static void batches(Path file, int size, BiConsumer<byte[], Integer> sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            int count = 0;
            DataBuildEvent e;
            while ((e = DataBuildEvent.parseDelimitedFrom(in)) != null) {
                e.writeDelimitedTo(batch);
                if (++count == size) {
                    sink.accept(batch.toByteArray(), count);
                    batch.reset();
                    count = 0;
                }
            }
            if (count > 0) {
                sink.accept(batch.toByteArray(), count);
            }
        }
    }
}
