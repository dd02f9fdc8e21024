package dev.databuild.lineage.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the projection and rebuilds it from the event log, in one transaction under the writers'
 * lock: readers see the old projection until the new one is complete.
 */
@Service
public class ReplayService {

    private final DSLContext db;
    private final EventLog log;
    private final Projector projector;
    private final TransactionTemplate tx;
    private final WriterLock writers;

    ReplayService(DSLContext db, EventLog log, Projector projector, TransactionTemplate tx, WriterLock writers) {
        this.db = db;
        this.log = log;
        this.projector = projector;
        this.tx = tx;
        this.writers = writers;
    }

    public record Replayed(long events, long lastEventId, long millis) {
    }

    public Replayed replay() {
        long started = System.nanoTime();
        return writers.holding(() -> tx.execute(status -> {
            long head = log.lockHead();
            ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
            AtomicLong count = new AtomicLong();
            log.forEach(5_000, e -> {
                projector.apply(e);
                count.incrementAndGet();
            });
            return new Replayed(count.get(), head, (System.nanoTime() - started) / 1_000_000);
        }));
    }
}
