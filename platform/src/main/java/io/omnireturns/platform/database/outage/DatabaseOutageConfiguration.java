package io.omnireturns.platform.database.outage;

import com.zaxxer.hikari.HikariDataSource;
import io.omnireturns.platform.database.EmbeddedPostgresConfiguration;
import io.omnireturns.platform.database.PooledConnectionChecks;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

/**
 * What happens while PostgreSQL is unreachable: a probe notices within seconds, API calls answer
 * {@code 503 DATABASE_UNAVAILABLE}, the {@code db} health (in the readiness group) goes DOWN, and once the database
 * answers again the event processors are restarted so they claim their segments at once.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, EmbeddedPostgresConfiguration.class},
        before = DataSourceHealthContributorAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseOutageProperties.class)
public class DatabaseOutageConfiguration {

    @Bean
    public DatabaseAvailability databaseAvailability(DataSource dataSource, DatabaseOutageProperties properties,
                                                     Clock clock,
                                                     ObjectProvider<EventProcessingConfiguration> processing) {
        DatabaseAvailability availability = new DatabaseAvailability(probeConnections(dataSource, properties),
                properties, clock);
        if (dataSource instanceof HikariDataSource pool) {
            // connections idle a few seconds are handed out unchecked (PooledConnectionChecks): sessions the database
            // ended with the probe's, or before an outage, must not be; first, before processors start again
            availability.onSessionLost(() -> PooledConnectionChecks.closeAll(pool));
            availability.onRecovery(() -> PooledConnectionChecks.closeAll(pool));
        }
        availability.onRecovery(new ProcessorsAfterOutage(processing::getIfAvailable, availability::isRunning));
        return availability;
    }

    @Bean
    public DatabaseAvailabilityMetrics databaseAvailabilityMetrics(DatabaseAvailability availability) {
        return new DatabaseAvailabilityMetrics(availability);
    }

    /** Replaces Boot's {@code db} indicator, which would wait on the pool (and on a silent database, for ever). */
    @Bean
    public DatabaseHealthIndicator dbHealthIndicator(DatabaseAvailability availability) {
        return new DatabaseHealthIndicator(availability);
    }

    @Bean
    public DatabaseUnavailableProblem databaseUnavailableProblem(DatabaseOutageProperties properties) {
        return new DatabaseUnavailableProblem(properties.retryAfter());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public DatabaseOutageResolver databaseOutageResolver(DatabaseUnavailableProblem problem,
                                                         DatabaseAvailability availability) {
        return new DatabaseOutageResolver(problem, availability::suspect);
    }

    /** Just after security, so an unknown caller still hears 401 first. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(name = "omnireturns.database.outage.gate-requests", matchIfMissing = true)
    public FilterRegistrationBean<DatabaseRequestGate> databaseRequestGate(DatabaseAvailability availability,
                                                                          DatabaseUnavailableProblem problem) {
        FilterRegistrationBean<DatabaseRequestGate> registration =
                new FilterRegistrationBean<>(new DatabaseRequestGate(availability, problem));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * The probe's own connection, with the driver's connect, login and socket time-outs set to the probe time-out;
     * straight through the driver, so it neither waits for nor takes a pooled connection.
     */
    static DatabaseAvailability.ProbeConnections probeConnections(DataSource dataSource,
                                                                   DatabaseOutageProperties properties) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            return dataSource::getConnection;
        }
        String seconds = String.valueOf(Math.max(1, (properties.probeTimeout().toMillis() + 999) / 1000));
        return () -> {
            if (hikari.getJdbcUrl() == null) {
                return hikari.getConnection();
            }
            Properties connection = new Properties();
            connection.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                connection.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                connection.setProperty("password", hikari.getPassword());
            }
            connection.setProperty("connectTimeout", seconds);
            connection.setProperty("loginTimeout", seconds);
            connection.setProperty("socketTimeout", seconds);
            connection.setProperty("ApplicationName", "omnireturns-database-probe");
            Connection opened = new org.postgresql.Driver().connect(hikari.getJdbcUrl(), connection);
            if (opened == null) {
                throw new SQLException("not a PostgreSQL URL: " + hikari.getJdbcUrl());
            }
            return opened;
        };
    }
}
