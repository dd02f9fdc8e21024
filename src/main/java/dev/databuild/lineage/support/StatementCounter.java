package dev.databuild.lineage.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;
import org.springframework.stereotype.Component;

/**
 * Counts SQL statements: in total (what tests assert, running one request at a time) and on the
 * current thread (what per-request metrics read). Can also record statements, with their values
 * inlined (for query-plan checks) or as sent; recording is off unless a sink is set.
 */
@Component
public class StatementCounter implements ExecuteListener {

    private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[1]);
    private final AtomicLong total = new AtomicLong();
    private volatile List<String> recording;
    private volatile boolean recordInlined = true;

    @Override
    public void executeStart(ExecuteContext ctx) {
        total.incrementAndGet();
        CURRENT.get()[0]++;
        List<String> sink = recording;
        if (sink != null && ctx.query() != null) {
            sink.add(recordInlined ? ctx.query().getSQL(ParamType.INLINED) : ctx.sql());
        }
    }

    /** A statement run through plain JDBC (a batch counts once, as jOOQ counts its batches). */
    public void countPlainJdbc() {
        total.incrementAndGet();
        CURRENT.get()[0]++;
    }

    public long total() {
        return total.get();
    }

    public static long onThisThread() {
        return CURRENT.get()[0];
    }

    /** Records every statement run from now on into {@code sink} (a synchronized list); null stops. */
    public void record(List<String> sink) {
        recordInlined = true;
        recording = sink;
    }

    /** Same, but each statement as sent to the database, bind values as placeholders. */
    public void recordAsSent(List<String> sink) {
        recordInlined = false;
        recording = sink;
    }
}
