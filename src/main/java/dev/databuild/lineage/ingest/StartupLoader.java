package dev.databuild.lineage.ingest;

import dev.databuild.lineage.proto.DataBuildEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Start-up work asked for by configuration: replay, import a BEL file, load the demo data. */
@Component
class StartupLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLoader.class);
    /** Events per transaction of a replay, and of an import unless configured otherwise. */
    static final int CHUNK = 10_000;

    private final IngestService ingest;
    private final ReplayService replay;
    private final EventLog log;
    private final DemoData demo;
    private final boolean replayOnStart;
    private final String importFile;
    private final int importChunk;

    /**
     * A larger import chunk imported a million events into the H2 file faster (50,000: 186 s instead
     * of 250 s) but held ~500 MB of live heap where 10,000 held ~430 MB, so the default stays safe
     * under 512 MB. (H2 writes pages out mostly when 19 MB of them are unsaved, not per commit: 557
     * of 564 page stores in a profiled 300k import.)
     */
    StartupLoader(IngestService ingest, ReplayService replay, EventLog log, DemoData demo,
                  @Value("${lineage.replay-on-start:false}") boolean replayOnStart,
                  @Value("${lineage.import.file:}") String importFile,
                  @Value("${lineage.import.chunk-events:" + CHUNK + "}") int importChunk) {
        if (importChunk < 1) {
            throw new IllegalArgumentException("lineage.import.chunk-events must be at least 1, was " + importChunk);
        }
        this.ingest = ingest;
        this.replay = replay;
        this.log = log;
        this.demo = demo;
        this.replayOnStart = replayOnStart;
        this.importFile = importFile;
        this.importChunk = importChunk;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (replayOnStart) {
            LOG.info("Replayed the projection from the event log: {}", replay.replay());
        }
        if (!importFile.isBlank()) {
            importFile(Path.of(importFile));
        }
        demo.loadIfEnabled();
    }

    /** Imports in chunks of {@code lineage.import.chunk-events}; each chunk is atomic and a re-import only counts duplicates. */
    IngestResult importFile(Path file) throws IOException {
        long started = System.nanoTime();
        int applied = 0;
        int duplicates = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            List<DataBuildEvent> chunk = new ArrayList<>(Math.min(importChunk, CHUNK));
            for (DataBuildEvent e; (e = DataBuildEvent.parseDelimitedFrom(in)) != null; ) {
                chunk.add(e);
                if (chunk.size() == importChunk) {
                    IngestResult r = ingest.ingest(chunk);
                    applied += r.applied();
                    duplicates += r.duplicates();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                IngestResult r = ingest.ingest(chunk);
                applied += r.applied();
                duplicates += r.duplicates();
            }
        }
        LOG.info("Imported {}: {} events applied, {} duplicates skipped, in {} ms", file, applied, duplicates,
                (System.nanoTime() - started) / 1_000_000);
        return new IngestResult(applied + duplicates, applied, duplicates, log.lastEventId());
    }
}
