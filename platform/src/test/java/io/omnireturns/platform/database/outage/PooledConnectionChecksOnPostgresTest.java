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
 * On PostgreSQL: a pool set up by {@link PooledConnectionChecks} hands out a connection idle for a while without
 * checking it, and the outage probe, finding its own session ended with the pool's, has the pool drop every
 * connection it holds, so the next calls get live ones.
 */
class PooledConnectionChecksOnPostgresTest {

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;

    @BeforeEach
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        new PooledConnectionChecks(new MockEnvironment()
                .withProperty(PooledConnectionChecks.SETTING, "1h")).postProcessBeforeInitialization(pool, "pool");
    }

    @AfterEach
    void stop() throws IOException {
        pool.close();
        postgres.close();
    }

    @Test
    void sessions_the_database_ended_are_not_handed_out_once_the_probe_found_its_own_ended() throws SQLException {
        DatabaseAvailability availability = new DatabaseOutageConfiguration().databaseAvailability(pool,
                new DatabaseOutageProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true),
                Clock.systemUTC(), new DefaultListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class));
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(first).isNotSameAs(second); // both pooled sessions are open
        }
        assertThat(availability.check().available()).isTrue(); // the probe's session is open

        endEverySessionButMine();
        // idle past Hikari's own half second, which would have had the pool check it: the time is what is tested
        sleep(Duration.ofMillis(700));
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
