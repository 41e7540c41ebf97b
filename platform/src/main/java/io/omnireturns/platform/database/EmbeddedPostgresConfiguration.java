package io.omnireturns.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a real PostgreSQL from Maven-delivered binaries when no external database is configured,
 * so a fresh machine needs nothing but a JDK and Maven. Setting {@code SPRING_DATASOURCE_URL} switches it off.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() && ${omnireturns.database.embedded.enabled:true}")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Whether this process runs on its own embedded PostgreSQL (no {@code spring.datasource.url}, embedded not switched
     * off): then no other process writes to its store. Defaults that are only safe for a single node follow it.
     */
    public static boolean usesEmbeddedDatabase(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isBlank()
                && environment.getProperty("omnireturns.database.embedded.enabled", Boolean.class, true);
    }

    /**
     * This process's claim on the data directory, taken before anything there is touched. The database bean takes it
     * as a parameter, so Spring destroys what depends on the database (its stop among them) before releasing it.
     */
    @Bean(destroyMethod = "close")
    DataDirectoryLock embeddedDataDirectoryLock(EmbeddedPostgresProperties properties) {
        return throwAway(properties) ? DataDirectoryLock.none() : DataDirectoryLock.acquire(persistentDataDir(properties));
    }

    /** Stopped by {@link EmbeddedPostgresStop}, not by a destroy method of its own and not by its own JVM hook. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, DataDirectoryLock lock) throws IOException {
        boolean throwAway = throwAway(properties);
        // the locked directory's real path: the postmaster's -D and postmaster.pid name it as the lock does
        Path dataDir = throwAway ? Files.createTempDirectory("omnireturns-pg") : lock.directory();
        Files.createDirectories(dataDir);
        if (!throwAway) {
            // a killed service's PostgreSQL may still run here; the lock says no live service owns it
            OrphanedPostmaster.clear(dataDir, properties.orphanStopTimeout());
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(throwAway)
                .setPort(properties.port())
                .setPGStartupWait(properties.startupTimeout())
                // a transaction left open must not hold back streaming processors past their gap timeout
                .setServerConfig("idle_in_transaction_session_timeout", "10s")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("synchronous_commit", "on")
                // its own hook would stop the database at once on SIGTERM, while processors and deadlines still
                // shut down and write their last tokens; EmbeddedPostgresStop stops it after them
                .setRegisterShutdownHook(false)
                .start();
        try {
            createDatabaseIfMissing(postgres, properties.database());
        } catch (RuntimeException e) {
            postgres.close(); // no bean, so nothing else would stop it (and it holds the data directory's lock)
            throw e;
        }
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresStop embeddedPostgresStop(EmbeddedPostgres postgres) {
        return new EmbeddedPostgresStop(postgres, EmbeddedPostgresStop.UNCLOSED_CONTEXT_GRACE);
    }

    /** Depends on the stop, so the pool (and everything using it) is closed before the database stops. */
    @Bean
    @ConfigurationProperties(prefix = "spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresStop stop,
                                EmbeddedPostgresProperties properties) {
        // not started until first use, so spring.datasource.hikari.* can still be bound onto it
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    private static boolean throwAway(EmbeddedPostgresProperties properties) {
        return properties.dataDir() == null || properties.dataDir().isBlank();
    }

    private static Path persistentDataDir(EmbeddedPostgresProperties properties) {
        return Path.of(properties.dataDir()).toAbsolutePath().normalize();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain lower-case identifier: " + database);
        }
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }
}
