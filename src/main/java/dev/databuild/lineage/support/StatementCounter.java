package dev.databuild.lineage.support;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.springframework.stereotype.Component;

/**
 * Counts SQL statements: in total (what tests assert, running one request at a time) and on the
 * current thread (what the per-request metrics read).
 */
@Component
public class StatementCounter implements ExecuteListener {

    private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[1]);
    private final AtomicLong total = new AtomicLong();

    @Override
    public void executeStart(ExecuteContext ctx) {
        total.incrementAndGet();
        CURRENT.get()[0]++;
    }

    public long total() {
        return total.get();
    }

    public static long onThisThread() {
        return CURRENT.get()[0];
    }
}
