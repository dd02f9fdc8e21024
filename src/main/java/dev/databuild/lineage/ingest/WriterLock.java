package dev.databuild.lineage.ingest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Writers of this process queue here, in arrival order, before their transaction takes the
 * log_head row lock. Waiting on that row lock instead fails after H2's lock timeout (2 s) with a
 * 500 as soon as a large batch or a replay holds it longer, and every waiter holds a pooled
 * connection the readers need. The row lock still serializes writers of several processes.
 * After a write that committed, and before the next writer starts, the H2 file gets its
 * housekeeping ({@link StoreCompaction}).
 */
@Component
class WriterLock {

    private static final long MAX_WAIT_MINUTES = 10;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final StoreCompaction compaction;

    WriterLock(StoreCompaction compaction) {
        this.compaction = compaction;
    }

    <T> T holding(Supplier<T> write) {
        try {
            if (!lock.tryLock(MAX_WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new EventRejected(HttpStatus.SERVICE_UNAVAILABLE, "other writers held the log for over "
                        + MAX_WAIT_MINUTES + " minutes; nothing was applied, send the batch again later");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EventRejected(HttpStatus.SERVICE_UNAVAILABLE, "interrupted while waiting for other writers; nothing was applied");
        }
        try {
            T written = write.get();
            compaction.afterWrite();
            return written;
        } finally {
            lock.unlock();
        }
    }
}
