package io.omnireturns.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a pool whose driver cuts any statement after 1 s, the statements allowed to take longer still complete. */
class LongStatementsOnPostgresTest {

    private static final String LONGER_THAN_THE_SOCKET_TIMEOUT = "SELECT pg_sleep(1.5)";

    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(3); // Flyway uses two connections, the migration lock one more
        pool.addDataSourceProperty("socketTimeout", "1");
        jdbc = new JdbcTemplate(pool);
    }

    @AfterAll
    static void stop() throws IOException {
        pool.close();
        postgres.close();
    }

    @Test
    void an_ordinary_statement_longer_than_the_socket_timeout_is_cut() {
        assertThatThrownBy(() -> jdbc.execute(LONGER_THAN_THE_SOCKET_TIMEOUT)).isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_long_statement_outside_a_transaction_completes_with_the_timeout_lifted_and_the_pool_keeps_its_timeout()
            throws SQLException {
        LongStatements.run(pool, () -> jdbc.execute(LONGER_THAN_THE_SOCKET_TIMEOUT));

        try (Connection pooled = pool.getConnection()) {
            assertThat(pooled.getNetworkTimeout()).isEqualTo(1000);
        }
    }

    @Test
    void a_transaction_started_inside_takes_over_the_connection_with_the_timeout_lifted() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));

        LongStatements.run(pool, () -> transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE reset_target (id int) ON COMMIT DROP");
            jdbc.execute(LONGER_THAN_THE_SOCKET_TIMEOUT);
        }));
    }

    @Test
    void inside_a_transaction_the_transactions_connection_has_the_timeout_lifted() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));

        transaction.executeWithoutResult(status ->
                LongStatements.run(pool, () -> jdbc.execute(LONGER_THAN_THE_SOCKET_TIMEOUT)));
    }

    @Test
    void a_migration_longer_than_the_socket_timeout_completes() throws InterruptedException {
        new SchemaMigrator(pool, List.of(new SchemaMigration("slow", "classpath:db/slow-migration-test",
                "slow_schema_history", 1)), Duration.ZERO).afterPropertiesSet();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM slow_schema_history WHERE success", Integer.class))
                .isEqualTo(1);
    }
}
