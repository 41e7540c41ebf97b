package io.omnireturns.platform.database;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every module's Flyway migrations at start-up, before any processor or repository touches a table.
 * Flyway takes a database lock, so several instances starting at once are safe. Its connections have no network
 * timeout: a migration (a backfill, an index on a large table) may take far longer than the pool's
 * {@code socketTimeout}, which is there to cut statements a silent database leaves waiting.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;

    public SchemaMigrator(DataSource dataSource, List<SchemaMigration> migrations) {
        this.dataSource = LongStatements.withoutNetworkTimeout(dataSource);
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(SchemaMigration::order)).toList();
    }

    @Override
    public void afterPropertiesSet() {
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
