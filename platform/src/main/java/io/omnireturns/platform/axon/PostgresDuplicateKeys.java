package io.omnireturns.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Tells Axon which failures are a unique-key violation on PostgreSQL, so that an event appended at a sequence
 * number another writer took first becomes a {@code ConcurrencyException} (or, for a new aggregate,
 * {@code AggregateStreamCreationException}) that the command gateway retries, not an opaque
 * {@code EventStoreException}.
 * <p>
 * Axon's default for the JDBC event store ({@code JdbcSQLErrorCodesResolver}) looks only for
 * {@link java.sql.SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it throws a
 * {@code PSQLException} (inside a {@link BatchUpdateException} for the batched insert) whose SQL state is
 * {@value #UNIQUE_VIOLATION}.
 */
public final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    /** PostgreSQL's SQL state of {@code unique_violation}. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
