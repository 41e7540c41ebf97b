package io.omnireturns.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The few statements allowed to outlast the driver's pool-wide {@code socketTimeout} (README, Database outages):
 * schema migrations, a replay's reset (a DELETE of every row of a view) and the status view's verification (an
 * anti-join over the event table). They run with the network timeout lifted on the connection they use; Hikari
 * restores it when the connection goes back to the pool, and {@link #get} restores it itself as well.
 */
public final class LongStatements {

    private static final Logger log = LoggerFactory.getLogger(LongStatements.class);

    private LongStatements() {
    }

    /**
     * Runs {@code work} with no network timeout on the connection its JDBC calls get from {@code dataSource}: the
     * transaction's connection when one is active, else one connection bound to this thread for the duration, which
     * a transaction started inside {@code work} takes over.
     */
    public static <T> T get(DataSource dataSource, Supplier<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean boundHere = false;
        try {
            if (TransactionSynchronizationManager.getResource(dataSource) == null) {
                TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
                boundHere = true;
            }
            int previous = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, 0);
            try {
                return work.get();
            } finally {
                restore(connection, previous);
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Could not lift the network timeout", e);
        } finally {
            if (boundHere) {
                TransactionSynchronizationManager.unbindResource(dataSource);
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** {@link #get} for work without a result. */
    public static void run(DataSource dataSource, Runnable work) {
        get(dataSource, () -> {
            work.run();
            return null;
        });
    }

    /** {@code dataSource} whose every connection has no network timeout: for Flyway, which opens its own. */
    public static DataSource withoutNetworkTimeout(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return lifted(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return lifted(super.getConnection(username, password));
            }
        };
    }

    private static Connection lifted(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void restore(Connection connection, int networkTimeout) {
        try {
            if (!connection.isClosed()) {
                connection.setNetworkTimeout(Runnable::run, networkTimeout);
            }
        } catch (SQLException e) {
            log.debug("Could not restore the network timeout; the pool restores it on return", e);
        }
    }
}
