package io.omnireturns.platform.database;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.util.List;

/** Axon's own tables (event store, snapshots, tokens, sagas, dead letters) and the migrator of every module. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, EmbeddedPostgresConfiguration.class})
@EnableConfigurationProperties(DatabaseStartupProperties.class)
public class DatabaseConfiguration {

    /** Static: a post-processor is made before the pool it sets up. */
    @Bean
    static PooledConnectionChecks pooledConnectionChecks(org.springframework.core.env.Environment environment) {
        return new PooledConnectionChecks(environment);
    }

    @Bean
    SchemaMigration axonInfrastructureSchema() {
        return new SchemaMigration("axon", "classpath:db/migration/axon", "flyway_history_axon", 0);
    }

    @Bean
    SchemaMigrator schemaMigrator(DataSource dataSource, List<SchemaMigration> migrations,
                                  DatabaseStartupProperties startup) {
        return new SchemaMigrator(dataSource, migrations, startup.startupWait());
    }
}
