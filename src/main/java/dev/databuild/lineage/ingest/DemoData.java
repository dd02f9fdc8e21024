package dev.databuild.lineage.ingest;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.proto.DataBuildEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The seed's example plus a generated deployment, loaded only into an empty log. */
@Component
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final IngestService ingest;
    private final EventLog log;
    private final boolean enabled;
    private final long seed;

    DemoData(IngestService ingest, EventLog log,
             @Value("${lineage.demo.enabled:false}") boolean enabled,
             @Value("${lineage.demo.seed:42}") long seed) {
        this.ingest = ingest;
        this.log = log;
        this.enabled = enabled;
        this.seed = seed;
    }

    void loadIfEnabled() {
        if (!enabled) {
            return;
        }
        if (log.count() > 0) {
            LOG.info("Demo data not loaded: the event log already holds {} events", log.count());
            return;
        }
        IngestResult example = ingest.ingest(ExampleLog.events());
        var params = EventGenerator.Params.demo(seed).toBuilder()
                .firstEventId(example.lastEventId() + 1)
                .startMillis(ExampleLog.START_MILLIS + 3_600_000L)
                .build();
        List<DataBuildEvent> chunk = new ArrayList<>();
        int generated = 0;
        for (var it = new EventGenerator(params).iterator(); it.hasNext(); ) {
            chunk.add(it.next());
            if (chunk.size() == 1_000 || !it.hasNext()) {
                generated += ingest.ingest(chunk).applied();
                chunk.clear();
            }
        }
        LOG.info("Loaded demo data: the seed's example (W-001, {} events) and a generated deployment ({} events, seed {})",
                example.applied(), generated, seed);
    }
}
