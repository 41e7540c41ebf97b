package io.omnireturns.platform.database;

import io.omnireturns.platform.database.outage.DatabaseOutages;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every module's Flyway migrations at start-up, before any processor or repository touches a table.
 * Several instances starting at once migrate one after the other, under a PostgreSQL session lock held across all
 * modules' migrations: Flyway locks each history table, but two nodes creating the first ones at once on an empty
 * database raced (the later one found another's history table still empty and refused to baseline it); a node that
 * dies mid-way drops the lock with its session, which is one connection of the pool beside Flyway's two (a pool of
 * three is the least a start needs). Flyway's connections have no network
 * timeout: a migration (a backfill, an index on a large table) may take far longer than the pool's
 * {@code socketTimeout}, which is there to cut statements a silent database leaves waiting. A database that cannot
 * be reached yet (a node restarted during an outage) is waited for up to {@code startupWait}, so the node comes up
 * when the database does instead of exiting.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    /** The session lock's key ("MIGRATE"), beside the finance period's and the rebuild's. */
    static final long MIGRATION_LOCK = 0x4D494752415445L;

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;
    private final Duration startupWait;

    public SchemaMigrator(DataSource dataSource, List<SchemaMigration> migrations, Duration startupWait) {
        this.dataSource = LongStatements.withoutNetworkTimeout(dataSource);
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(SchemaMigration::order)).toList();
        this.startupWait = startupWait;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        long giveUpAt = System.nanoTime() + startupWait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                migrate();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutages.isOutage(e) || System.nanoTime() + pause.toNanos() > giveUpAt) {
                    throw e;
                }
                log.warn("Database not reachable at start-up ({}); trying again in {} ms", e.getMessage(),
                        pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void migrate() {
        try (Connection session = dataSource.getConnection()) {
            execute(session, "SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                migrateEach();
            } finally {
                execute(session, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the schema migration lock: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection session, String sql) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute(sql);
        }
    }

    private void migrateEach() {
        for (SchemaMigration migration : migrations) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(migration.location())
                    .table(migration.historyTable())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            log.info("Schema '{}': {} migration(s) applied", migration.name(), result.migrationsExecuted);
        }
    }
}
