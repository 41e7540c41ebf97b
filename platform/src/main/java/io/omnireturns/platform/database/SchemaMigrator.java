package io.omnireturns.platform.database;

import io.omnireturns.platform.database.outage.DatabaseOutages;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every module's Flyway migrations at start-up, before any processor or repository touches a table.
 * Flyway takes a database lock, so several instances starting at once are safe. Its connections have no network
 * timeout: a migration (a backfill, an index on a large table) may take far longer than the pool's
 * {@code socketTimeout}, which is there to cut statements a silent database leaves waiting. A database that cannot
 * be reached yet (a node restarted during an outage) is waited for up to {@code startupWait}, so the node comes up
 * when the database does instead of exiting.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

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
