package dev.databuild.lineage.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of its data. H2 writes each changed page anew and reuses
 * a region of the file only once nothing in it is live; random instance UUIDs leave a little live
 * data everywhere, and with WRITE_DELAY=0 (an acknowledged batch must survive a kill) H2's own
 * background housekeeping never runs. The file only grew: 6.7 GB holding ~330 MB of data after a
 * million events. After a committed write, still holding the writers' lock, a file that is mostly
 * garbage has the live pages of its sparsest regions rewritten, within a time limit, so that those
 * regions are freed for the next writes. Nothing to do on PostgreSQL or an in-memory H2.
 *
 * <p>It rewrites pages rather than calling H2's {@code compactFile}, which also moves regions to
 * shrink the file: that move path tripped an H2 assertion (FreeSpaceBitSet.allocate) online and
 * closed the database in a test run with assertions on.
 */
@Component
class StoreCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);
    /** H2's own housekeeping target; at 70 few regions emptied whole, so it compacted again and again. */
    private static final int REWRITE_UNTIL_PERCENT = 90;

    private final DataSource dataSource;
    private final StoreProperties settings;
    private final Timer compactions;
    /** As of the last write, for the gauges: reading them must not touch the store. */
    private final AtomicLong fileBytes = new AtomicLong();
    private final AtomicLong livePercent = new AtomicLong();
    /** The H2 file's store, found once: it lives as long as the database, so no write borrows a connection for it. */
    private volatile MVStore store;
    private volatile boolean noFile;

    StoreCompaction(DataSource dataSource, StoreProperties settings, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.compactions = Timer.builder("lineage.store.compaction").description("Online compactions of the H2 file")
                .register(registry);
        Gauge.builder("lineage.store.file.size", fileBytes, AtomicLong::get).baseUnit("bytes")
                .description("Size of the H2 file after the last write").register(registry);
        Gauge.builder("lineage.store.file.live", livePercent, AtomicLong::get).baseUnit("percent")
                .description("Share of the H2 file holding live data after the last write").register(registry);
    }

    /** Never fails the write it follows: that write is already committed. */
    void afterWrite() {
        if (noFile) {
            return;
        }
        try {
            MVStore store = currentStore();
            if (store == null) {
                noFile = true;
                return;
            }
            FileStore<?> file = store.getFileStore();
            long before = file.size();
            int live = livePercent(file);
            if (before >= settings.compactFromSize().toBytes() && live < settings.compactBelowLivePercent()) {
                compact(store, before, live);
            }
            fileBytes.set(file.size());
            livePercent.set(livePercent(file));
        } catch (SQLException ex) {
            LOG.warn("Compacting the H2 file failed; the committed write is unaffected, the next write tries again", ex);
        } catch (RuntimeException | LinkageError ex) {
            // H2's internals refused (or changed under an upgrade): failing the same way after every
            // write would only fill the log, so compaction stops until a restart
            noFile = true;
            LOG.error("Compacting the H2 file failed; the committed write is unaffected, compaction is off until a restart", ex);
        }
    }

    /** The store found before, or found again if H2 closed it; null when the database is no H2 file. */
    private MVStore currentStore() throws SQLException {
        MVStore known = store;
        if (known == null || known.isClosed()) {
            try (Connection c = dataSource.getConnection()) {
                known = fileStore(c);
            }
            store = known;
        }
        return known;
    }

    private void compact(MVStore store, long before, int live) {
        long started = System.nanoTime();
        long stop = started + settings.compactMaxTime().toNanos();
        FileStore<?> file = store.getFileStore();
        int retention = store.getRetentionTime();
        store.setRetentionTime(0);
        try {
            // rewrites the live pages of the sparsest chunks, 16 MB a round; the emptied chunks are
            // freed by the next store (retention 0 lets it), and later chunks take their space
            int best = file.getChunksFillRate();
            int idle = 0;
            while (best < REWRITE_UNTIL_PERCENT && idle < 2 && System.nanoTime() < stop
                    && store.compact(REWRITE_UNTIL_PERCENT, 16 << 20)) {
                store.commit();
                // a chunk emptied by a round is dropped by the next round's store; two rounds without
                // gain mean what is left is the newest chunks' own (a small file could spin until the limit)
                int fill = file.getChunksFillRate();
                idle = fill > best ? 0 : idle + 1;
                best = Math.max(best, fill);
            }
            store.commit();
        } finally {
            // H2's 45 s keeps old chunks for a disk that reorders writes
            store.setRetentionTime(retention);
        }
        long took = System.nanoTime() - started;
        compactions.record(took, TimeUnit.NANOSECONDS);
        LOG.info("Compacted the H2 file from {} MB ({}% live) to {} MB ({}% live, {}% of its chunks) in {} ms", before >> 20, live,
                file.size() >> 20, livePercent(file), file.getChunksFillRate(), took / 1_000_000);
    }

    long compactions() {
        return compactions.count();
    }

    /** Share of the file's bytes that hold live pages: used blocks times the live share of their chunks. */
    static int livePercent(FileStore<?> file) {
        return file.getFillRate() * file.getChunksFillRate() / 100;
    }

    /** The H2 file's store, or null: PostgreSQL, in-memory H2, a remote H2 server. */
    static MVStore fileStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        var store = session.getDatabase().getStore();
        MVStore mv = store == null ? null : store.getMvStore();
        return mv == null || mv.getFileStore() == null ? null : mv;
    }
}
