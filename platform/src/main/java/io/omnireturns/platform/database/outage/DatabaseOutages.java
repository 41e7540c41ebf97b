package io.omnireturns.platform.database.outage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells whether a failure means the database cannot be reached, wherever it is wrapped: Axon puts the driver's
 * exception inside {@code CommandExecutionException}, {@code EventStoreException} or {@code QueryExecutionException},
 * Spring inside {@code CannotCreateTransactionException}, a future inside {@code CompletionException}. So the whole
 * cause chain is walked (and each SQL exception's chain of next exceptions), never just the outer type.
 */
public final class DatabaseOutages {

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseOutages() {
    }

    /** True when some cause in the chain says the database is unreachable, shutting down, or its pool is dry. */
    public static boolean isOutage(Throwable failure) {
        // network exceptions count only under a SQL exception: a connector's HTTP timeout is not a database outage
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
            // Hikari's "connection is not available, request timed out" is a SQLTransientConnectionException
            if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                    || e instanceof SQLRecoverableException || isOutageState(e.getSQLState())) {
                return true;
            }
            if (e.getCause() instanceof SocketException || e.getCause() instanceof EOFException
                    || isClosedPooledConnection(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer (no SQL state) to a statement on a connection it already evicted as broken, which is what a
     * unit of work holding a connection when the server went away meets next.
     */
    private static boolean isClosedPooledConnection(SQLException e) {
        return e.getSQLState() == null && HIKARI_CLOSED_CONNECTION.equals(e.getMessage());
    }

    /**
     * SQL state class 08 (connection exception: refused, broken, lost); 57P01-57P03 (the server is shutting down,
     * crashed, or not yet accepting connections); 53300 (too many connections).
     */
    static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03") || sqlState.equals("53300"));
    }
}
