package dev.databuild.lineage.ingest;

import org.springframework.stereotype.Component;

/**
 * The batch state kept from one batch to the next, so a run buffered in one request and ended in
 * the next is not read back from the database. It is only reused while it is provably the
 * database's state: the log head is still the one this process committed last (no other writer,
 * nor a replay, came in between) and the last batch committed. Anything else drops it.
 */
@Component
class WorkingSet {

    private final StateLoader loader;
    private final BatchWriter writer;
    private final int maxRows;
    private BatchState kept;
    private long keptHead = -1;

    WorkingSet(StateLoader loader, BatchWriter writer, IngestProperties props) {
        this.loader = loader;
        this.writer = writer;
        this.maxRows = props.cacheRows() >= 0 ? props.cacheRows() : rowsFor(Runtime.getRuntime().maxMemory());
    }

    /**
     * Rows that fit an eighth of the heap. A held row costs about 370 bytes (measured with the
     * status histories in the rows: 211,487 rows of a 300k-event log retained 78.6 MB; 73 MB
     * before them); 400 leaves room. Under 512 MB that is ~168,000 rows, and from a 2 GB heap up
     * every row of a million-event log stays, which makes its import ~15% faster than dropping
     * them every few batches.
     */
    static int rowsFor(long maxHeapBytes) {
        return (int) Math.min(Integer.MAX_VALUE, maxHeapBytes / 8 / 400);
    }

    /** Rows held at most between batches. */
    int limit() {
        return maxRows;
    }

    /** The state to apply the next batch to; the caller holds the writers' lock and the log head. */
    synchronized BatchState open(long head) {
        BatchState state = kept;
        kept = null;
        if (state == null || head != keptHead || state.size() > maxRows) {
            state = new BatchState(loader, writer);
        }
        return state;
    }

    /** Keeps the state of a batch about to commit; {@link #drop} must follow if the commit fails. */
    synchronized void keep(BatchState state, long head) {
        if (maxRows > 0) {
            kept = state;
            keptHead = head;
        }
    }

    synchronized void drop() {
        kept = null;
        keptHead = -1;
    }
}
