package io.omnireturns.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Which pooled connections are checked before use, and how the pool lets go of connections the database has ended.
 * <p>
 * Hikari checks a connection idle for more than half a second before handing it out: an empty statement, one more
 * transaction. On this service that was most borrows: its pollers (processors' claims, the sweeper, the heartbeat)
 * each take a connection every second or two, so checks were four in ten of an idle node's transactions and about one
 * per return under load. A connection idle up to {@code omnireturns.database.check-idle-connections-after} (default
 * 5 s) is handed out unchecked instead; Hikari's own keep-alive still checks idle ones every few minutes.
 * <p>
 * What the checks were for is covered otherwise: whatever ends the pool's sessions together (a restart, a fail-over,
 * a network cut) ends the outage probe's session too, and the probe then has the pool close every connection it
 * holds ({@link #closeAll}: an idle one now, one in use when it comes back), as it does when the database answers
 * again after an outage. A single session ended on its own (an administrator's {@code pg_terminate_backend}) fails
 * the one call that next uses it: an API call answers {@code 503 DATABASE_UNAVAILABLE}, safe to retry, and a
 * processor retries its batch.
 * <p>
 * Hikari reads the window from a JVM system property when a pool starts; a value given on the command line
 * ({@value #HIKARI_PROPERTY}) wins over this setting.
 */
public final class PooledConnectionChecks implements BeanPostProcessor {

    public static final String SETTING = "omnireturns.database.check-idle-connections-after";
    static final String HIKARI_PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";
    static final Duration DEFAULT = Duration.ofSeconds(5);
    private static final boolean SET_ON_COMMAND_LINE = System.getProperty(HIKARI_PROPERTY) != null;

    private final Duration checkIdleAfter;

    public PooledConnectionChecks(Environment environment) {
        this.checkIdleAfter = Binder.get(environment).bind(SETTING, Duration.class).orElse(DEFAULT);
        if (checkIdleAfter.isNegative()) {
            throw new IllegalArgumentException(SETTING + " must not be negative: " + checkIdleAfter);
        }
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource && !SET_ON_COMMAND_LINE) {
            // read by the pool when it starts, at the first connection, after this
            System.setProperty(HIKARI_PROPERTY, String.valueOf(checkIdleAfter.toMillis()));
        }
        return bean;
    }

    /** Closes every connection the pool holds, idle ones now and those in use when they come back; none if not started. */
    public static void closeAll(HikariDataSource pool) {
        HikariPoolMXBean started = pool.getHikariPoolMXBean();
        if (started != null) {
            started.softEvictConnections();
        }
    }
}
