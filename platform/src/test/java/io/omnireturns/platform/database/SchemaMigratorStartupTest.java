package io.omnireturns.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node started while its database is down waits for it instead of exiting (a restart during an outage). */
class SchemaMigratorStartupTest {

    private static final List<SchemaMigration> MIGRATIONS = List.of(
            new SchemaMigration("slow", "classpath:db/slow-migration-test", "startup_schema_history", 1));

    @TempDir
    Path dataDir;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_start_waits_for_a_database_that_comes_back_within_the_startup_wait() throws Exception {
        int port = freePort();
        pool = poolOn(port);
        SchemaMigrator migrator = new SchemaMigrator(pool, MIGRATIONS, Duration.ofMinutes(1));

        CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
            try {
                migrator.afterPropertiesSet();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(start).isNotDone(); // nothing listens on the port yet
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).start();
        start.get(1, TimeUnit.MINUTES);

        assertThat(new JdbcTemplate(pool).queryForObject(
                "SELECT count(*) FROM startup_schema_history WHERE success", Integer.class)).isEqualTo(1);
    }

    @Test
    void without_a_startup_wait_an_unreachable_database_fails_the_start_at_once() {
        pool = poolOn(freePortUnchecked());

        assertThatThrownBy(() -> new SchemaMigrator(pool, MIGRATIONS, Duration.ZERO).afterPropertiesSet())
                .isInstanceOf(RuntimeException.class);
    }

    private static HikariDataSource poolOn(int port) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setConnectionTimeout(1000);
        pool.setMaximumPoolSize(3); // Flyway uses two connections, the migration lock one more
        return pool;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
