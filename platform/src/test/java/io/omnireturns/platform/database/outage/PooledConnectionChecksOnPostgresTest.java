package io.omnireturns.platform.database.outage;

import com.zaxxer.hikari.HikariDataSource;
import io.omnireturns.platform.database.PooledConnectionChecks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL: a pool set up by {@link PooledConnectionChecks} hands out a connection idle within its window without
 * checking it, and the outage probe, finding its own session ended with the pool's, has the pool drop every
 * connection it holds, so the next calls get live ones.
 */
class PooledConnectionChecksOnPostgresTest {

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;

    @BeforeEach
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    /** A pool set up as the service sets up its own, checking connections idle longer than {@code window}. */
    private HikariDataSource pool(String window) {
        HikariDataSource created = new HikariDataSource();
        created.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        created.setUsername("postgres");
        created.setMaximumPoolSize(2);
        new PooledConnectionChecks(new MockEnvironment().withProperty(PooledConnectionChecks.SETTING, window))
                .postProcessBeforeInitialization(created, "pool");
        pool = created;
        return created;
    }

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        postgres.close();
    }

    @Test
    void a_pool_that_checks_every_idle_connection_replaces_an_ended_session_before_use() throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(pool("0ms"));
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);

        endEverySessionButMine();

        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
    }

    @Test
    void sessions_the_database_ended_are_handed_out_unchecked_until_the_probe_finds_its_own_ended() throws SQLException {
        HikariDataSource pool = pool("1h");
        DatabaseAvailability availability = new DatabaseOutageConfiguration().databaseAvailability(pool,
                new DatabaseOutageProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true),
                Clock.systemUTC(), new DefaultListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class));
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(first).isNotSameAs(second); // both pooled sessions are open
        }
        assertThat(availability.check().available()).isTrue(); // the probe's session is open

        endEverySessionButMine();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
                .as("an ended session idle under the window is handed out unchecked")
                .isInstanceOf(DataAccessException.class);

        availability.check();

        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection();
             Statement one = first.createStatement(); Statement two = second.createStatement()) {
            assertThat(one.execute("SELECT 1") && two.execute("SELECT 1")).isTrue();
        }
        assertThat(availability.available()).isTrue();
    }

    /** What a restart or a fail-over does to the pool's and the probe's sessions. */
    private void endEverySessionButMine() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()");
        }
    }
}
