package io.omnireturns.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The embedded PostgreSQL of the all-in-one run (real binaries, started in-process).
 *
 * @param enabled  used only while {@code spring.datasource.url} is not set
 * @param dataDir  where the cluster lives; kept between runs. Empty: a throw-away folder (tests)
 * @param port     0 picks a free port
 * @param database the database the service uses inside the cluster
 * @param startupTimeout how long PostgreSQL may take to accept connections; after a crash it first replays its
 *                 write-ahead log, which takes longer than the driver's 10 s on a large or busy store
 * @param orphanStopTimeout how long a PostgreSQL left running by a killed service may take for its fast shutdown
 *                 before it is stopped harder (see {@link OrphanedPostmaster})
 */
@ConfigurationProperties(prefix = "omnireturns.database.embedded")
public record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/postgres") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("omnireturns") String database,
        @DefaultValue("2m") Duration startupTimeout,
        @DefaultValue("30s") Duration orphanStopTimeout) {
}
