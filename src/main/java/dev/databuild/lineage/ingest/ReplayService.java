package dev.databuild.lineage.ingest;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the projection and rebuilds it from the event log, in one transaction under the writers'
 * lock: readers see the old projection until the new one is complete.
 */
@Service
public class ReplayService {

    /** Events applied per batch state: the same path and batch size as an import. */
    private static final int PAGE = StartupLoader.CHUNK;

    private final DSLContext db;
    private final EventLog log;
    private final Projector projector;
    private final TransactionTemplate tx;
    private final WriterLock writers;
    private final WorkingSet workingSet;

    ReplayService(DSLContext db, EventLog log, Projector projector, TransactionTemplate tx, WriterLock writers,
                  WorkingSet workingSet) {
        this.workingSet = workingSet;
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
            workingSet.drop();
            ProjectionTables.ALL.forEach(t -> db.deleteFrom(t).execute());
            long count = log.forEachPage(PAGE, page -> {
                BatchState state = projector.open(page);
                page.forEach(e -> projector.apply(state, e));
                projector.finish(state);
            });
            return new Replayed(count, head, (System.nanoTime() - started) / 1_000_000);
        }));
    }
}
