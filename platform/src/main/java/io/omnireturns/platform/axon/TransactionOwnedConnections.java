package io.omnireturns.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Axon's connections from Spring's data source, where a connection that takes part in a Spring transaction is
 * committed and rolled back by that transaction alone.
 * <p>
 * Axon's own provider ({@code SpringDataSourceConnectionProvider}) already leaves {@code commit} of such a connection
 * to the transaction, but not {@code rollback}: when a unit of work that read events through its connection fails,
 * Axon's {@code UnitOfWorkAwareConnectionProviderWrapper} rolls the physical connection back. With one unit of work
 * per transaction that is harmless (the transaction is rolled back anyway); in a transaction that spans several
 * commands, each in a savepoint of its own ({@code GroupingOutcomeRecorder}), it ended the whole transaction and lost
 * the commands recorded before the refused one. Here {@code rollback()} of a transactional connection does nothing:
 * Axon's {@code SpringTransactionManager} rolls the transaction (or its savepoint) back, or marks it rollback-only
 * when it only took part in it.
 * <p>
 * A connection outside any Spring transaction behaves as the data source's own.
 */
public final class TransactionOwnedConnections implements ConnectionProvider {

    private final DataSource dataSource;

    public TransactionOwnedConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> invoke(connection, method, arguments));
    }

    private Object invoke(Connection connection, Method method, Object[] arguments) throws Throwable {
        boolean noArguments = arguments == null || arguments.length == 0;
        switch (method.getName()) {
            case "close" -> {
                DataSourceUtils.doReleaseConnection(connection, dataSource);
                return null;
            }
            case "commit", "rollback" -> {
                if (noArguments && DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                    return null;
                }
            }
            default -> {
                // every other call goes to the connection as it is
            }
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
