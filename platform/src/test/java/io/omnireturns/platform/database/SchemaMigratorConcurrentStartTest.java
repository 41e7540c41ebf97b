package io.omnireturns.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes started at the same moment on an empty database all come up, each module's schema migrated once: two nodes
 * creating the first history tables at once used to race, and the later one refused to start ("Unable to baseline
 * schema history table ... as it already exists, and is empty").
 */
class SchemaMigratorConcurrentStartTest {

    private static final int NODES = 4;
    private static final List<SchemaMigration> MODULES = List.of(
            new SchemaMigration("axon", "classpath:db/migration/axon", "flyway_history_axon", 0),
            new SchemaMigration("orders", "classpath:db/concurrent-start/orders", "flyway_history_orders", 1),
            new SchemaMigration("views", "classpath:db/concurrent-start/views", "flyway_history_views", 2));

    private EmbeddedPostgres postgres;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeEach
    void emptyDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterEach
    void stop() throws IOException {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        postgres.close();
    }

    @RepeatedTest(3)
    void nodes_starting_at_once_on_an_empty_database_all_start_and_each_schema_is_migrated_once() throws Exception {
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            SchemaMigrator migrator = new SchemaMigrator(pool(), MODULES, Duration.ZERO);
            starts.add(CompletableFuture.runAsync(() -> {
                try {
                    together.await();
                    migrator.afterPropertiesSet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

        JdbcTemplate jdbc = new JdbcTemplate(pools.get(0));
        for (String history : List.of("flyway_history_axon", "flyway_history_orders", "flyway_history_views")) {
            assertThat(jdbc.queryForList("SELECT version FROM " + history + " WHERE version <> '0' AND success",
                    String.class)).as(history + ": every migration applied, none twice").isNotEmpty()
                    .doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + history + " WHERE NOT success", Integer.class))
                    .as(history + ": no failed migration").isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM concurrent_start_orders", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM concurrent_start_views", Integer.class)).isZero();
    }

    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(3);
        pools.add(pool);
        return pool;
    }
}
