package dev.databuild.lineage.probe;

import dev.databuild.lineage.generator.EventGenerator;
import dev.databuild.lineage.ingest.IngestService;
import dev.databuild.lineage.proto.DataBuildEvent;
import dev.databuild.lineage.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IngestProbeBenchmark extends DatabaseTest {

    @Autowired
    IngestService ingest;

    @Autowired
    dev.databuild.lineage.support.StatementCounter counter;

    @Test
    void probe() {
        long n = Long.getLong("probe.events", 20000);
        var gen = new EventGenerator(EventGenerator.Params.small(7, n));
        List<DataBuildEvent> chunk = new ArrayList<>();
        long total = 0;
        long t0 = System.nanoTime();
        long st0 = counter.total();
        var it = gen.iterator();
        while (it.hasNext()) {
            chunk.add(it.next());
            if (chunk.size() == 5000) {
                total += ingest.ingest(chunk).applied();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            total += ingest.ingest(chunk).applied();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("PROBE statements/event %.1f%n", (counter.total() - st0) / (double) total);
        System.out.printf("PROBE %s: %d events in %.2f s = %.0f events/s%n", dev.databuild.lineage.support.TestDatabase.kind(), total, s, total / s);
    }
}
