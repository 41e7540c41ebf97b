package io.omnireturns.query.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One rebuild at a time across every instance: a PostgreSQL session-level advisory lock, held on a connection of its
 * own for as long as the rebuild runs. An instance that dies loses its connection and the lock with it, so a rebuild
 * can never be locked out by a dead one.
 */
final class RebuildLock {

    /** "REBU" in ASCII: the status view's rebuild (the finance ledger's period lock is another key). */
    static final long KEY = 0x52454255L;

    private final DataSource dataSource;
    private Connection held;

    RebuildLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock if nobody holds it; false when another rebuild (here or elsewhere) has it. */
    synchronized boolean tryAcquire() {
        if (held != null) {
            return false;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                if (rs.next() && rs.getBoolean(1)) {
                    held = connection;
                    return true;
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new CannotGetJdbcConnectionException("cannot take the rebuild lock", e);
        }
    }

    synchronized void release() {
        Connection connection = held;
        held = null;
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException ignored) {
            // a broken connection holds no lock any more
        } finally {
            closeQuietly(connection);
        }
    }

    /** Whether any session holds the lock, without taking it (a check that cannot get in a starting rebuild's way). */
    static boolean heldAnywhere(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_locks"
                + " WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid::text::bigint = ?"
                + " AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))",
                Boolean.class, KEY));
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
