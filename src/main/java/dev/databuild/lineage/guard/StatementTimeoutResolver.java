package dev.databuild.lineage.guard;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A statement cancelled by lineage.db.statement-timeout becomes a STATEMENT_TIMEOUT error at its
 * field, not an INTERNAL_ERROR. H2 reports it as an SQLTimeoutException, PostgreSQL as SQLSTATE
 * 57014 (query_canceled); jOOQ or Spring may wrap either.
 */
@Component
class StatementTimeoutResolver extends DataFetcherExceptionResolverAdapter {

    private static final String QUERY_CANCELED = "57014";

    private final DatabaseTimeouts timeouts;

    StatementTimeoutResolver(DatabaseTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!isTimeout(ex)) {
            return null;
        }
        long seconds = timeouts.statementTimeout().toSeconds();
        return LimitError.STATEMENT_TIMEOUT.error(env, "A database statement ran past the statement timeout of " + seconds
                + " s (lineage.db.statement-timeout) and was cancelled; ask for less (smaller pages, fewer levels).",
                Map.of("limit", "lineage.db.statement-timeout", "max", seconds));
    }

    static boolean isTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof QueryTimeoutException
                    || t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
