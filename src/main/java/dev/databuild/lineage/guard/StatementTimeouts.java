package dev.databuild.lineage.guard;

import java.sql.SQLException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database statement timeout, set on each JDBC statement. It applies to every statement outside
 * a read-write transaction, i.e. to the API's reads; the writers (ingest, replay) run in read-write
 * transactions under the writers' lock, where a cancelled statement would only fail a batch that
 * is waiting its turn. Resolvers that need a consistent multi-statement read should use a read-only
 * transaction, which keeps the timeout.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeouts {

    @Bean
    ExecuteListenerProvider statementTimeout(DatabaseTimeouts timeouts) {
        int seconds = (int) Math.min(Integer.MAX_VALUE, (timeouts.statementTimeout().toMillis() + 999) / 1000);
        return new DefaultExecuteListenerProvider(new Listener(seconds));
    }

    private record Listener(int seconds) implements ExecuteListener {

        /**
         * Every statement gets its timeout, 0 included: H2 keeps the timeout on the (pooled) session.
         * It is only set when it differs, because H2 sets it by running SET QUERY_TIMEOUT, which
         * counts as a schema change: every prepared statement of the database, the one about to run
         * included, is parsed and planned again before its next execution. (H2 caches the
         * session's value, PostgreSQL's driver keeps it on the statement: reading it is free.)
         */
        @Override
        public void prepareEnd(ExecuteContext ctx) {
            if (ctx.statement() != null) {
                try {
                    int wanted = inReadWriteTransaction() ? 0 : seconds;
                    if (ctx.statement().getQueryTimeout() != wanted) {
                        ctx.statement().setQueryTimeout(wanted);
                    }
                } catch (SQLException ex) {
                    throw new IllegalStateException("cannot set the statement timeout", ex);
                }
            }
        }

        private static boolean inReadWriteTransaction() {
            return TransactionSynchronizationManager.isActualTransactionActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        }
    }
}
