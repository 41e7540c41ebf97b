package io.omnireturns.query.status.live;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.platform.database.outage.DatabaseOutages;
import io.omnireturns.query.status.StatusChangeNotices;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The node's one listener for status view changes: a connection of its own (outside the pool, never returned to it)
 * that {@code LISTEN}s on {@value StatusChangeNotices#CHANNEL} and hands what it hears, coalesced to the newest version
 * per return, to {@link StatusUpdates}. It holds no transaction and costs the database one idle session per node.
 * <p>
 * Notifications that arrive while the last ones are being read wait in the connection and are taken together on the
 * next turn, so a burst costs one read per turn, not one per notification. When the connection breaks (the database
 * went away, the session was terminated, an idle check failed) the listener connects again after a back-off doubling
 * from {@code reconnect-min} to {@code reconnect-max}, at once when the outage probe finds the database back
 * ({@link #wakeUp}), and then has the followed returns read again ({@link StatusUpdates#resync}): nothing announced
 * while it was away is missed.
 */
public class StatusChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatusChangeListener.class);

    /** Opens the listener's dedicated connection. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final StatusUpdates updates;
    private final RecentViews recentViews;
    private final StatusUpdatesProperties properties;
    private final Clock clock;
    private final Counter received;
    private final Counter reconnects;
    private final Object wake = new Object();
    private final Map<String, Long> pending = new HashMap<>();
    private volatile boolean connected;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private boolean woken;

    public StatusChangeListener(Connections connections, StatusUpdates updates, RecentViews recentViews,
                                StatusUpdatesProperties properties, Clock clock, MeterRegistry meters) {
        this.connections = connections;
        this.updates = updates;
        this.recentViews = recentViews;
        this.properties = properties;
        this.clock = clock;
        this.received = Counter.builder("omnireturns.status.updates.notifications")
                .description("status view change notifications this node's listener received").register(meters);
        this.reconnects = Counter.builder("omnireturns.status.updates.listener.reconnects")
                .description("times the listener connected again after losing its connection").register(meters);
        Gauge.builder("omnireturns.status.updates.listener.connected", this, listener -> listener.connected ? 1 : 0)
                .description("1 while the node listens for status view changes").register(meters);
    }

    /** The listener's connection straight through the driver, from the pool's settings, named in pg_stat_activity. */
    public static Connections dedicatedTo(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
            return dataSource::getConnection; // held for good, like a dedicated one
        }
        return () -> {
            Properties settings = new Properties();
            settings.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                settings.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                settings.setProperty("password", hikari.getPassword());
            }
            settings.setProperty("ApplicationName", "omnireturns-status-listener");
            settings.setProperty("tcpKeepAlive", "true");
            Connection opened = new org.postgresql.Driver().connect(hikari.getJdbcUrl(), settings);
            if (opened == null) {
                throw new SQLException("not a PostgreSQL URL: " + hikari.getJdbcUrl());
            }
            return opened;
        };
    }

    /** True while the listener holds a listening connection. */
    public boolean connected() {
        return connected;
    }

    /** Cuts a back-off short: the database answers again (the outage probe says so). */
    public void wakeUp() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void run() {
        Duration backoff = properties.reconnectMin();
        Instant lostAt = null;
        while (running) {
            try (Connection listening = connections.open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + StatusChangeNotices.CHANNEL);
                }
                connected = true;
                recentViews.listening();
                backoff = properties.reconnectMin();
                if (lostAt != null) {
                    reconnects.increment();
                    log.info("Listening for status view changes again");
                    updates.resync(lostAt);
                }
                listen(listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (connected || lostAt == null) {
                    log.warn("Status view change listener lost its connection ({}); live updates wait until it "
                            + "connects again", describe(e));
                } else {
                    log.debug("Status view change listener still cannot connect", e);
                }
                if (connected || lostAt == null) {
                    lostAt = clock.instant();
                }
                connected = false;
                pause(backoff);
                backoff = jittered(backoff.multipliedBy(2));
            } finally {
                recentViews.notListening();
                connection = null;
                connected = false;
            }
        }
    }

    private void listen(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        long pollMillis = Math.max(100, Math.min(properties.validateEvery().toMillis(), 1000));
        long idleSince = System.nanoTime();
        while (running) {
            PGNotification[] heard = postgres.getNotifications(pending.isEmpty() ? (int) pollMillis : 200);
            if (heard != null && heard.length > 0) {
                received.increment(heard.length);
                Map<String, Long> turn = new HashMap<>();
                for (PGNotification notification : heard) {
                    if (StatusChangeNotices.RESET.equals(notification.getParameter())) {
                        recentViews.cleared(); // the view was emptied for a replay
                    } else {
                        coalesce(notification.getParameter(), turn);
                    }
                }
                recentViews.changed(turn); // first: a look-up from now on reads the changed rows
                recentViews.listening(); // the connection is alive (again, after an outage the probe saw)
                turn.forEach((returnId, version) -> pending.merge(returnId, version, Math::max));
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > properties.validateEvery().toNanos()) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("SELECT 1"); // a silent network shows here, within the socket time-out
                }
                recentViews.listening();
                idleSince = System.nanoTime();
            }
            deliverPending();
        }
    }

    private static void coalesce(String payload, Map<String, Long> into) {
        int bar = payload == null ? -1 : payload.lastIndexOf('|');
        if (bar <= 0) {
            return;
        }
        try {
            into.merge(payload.substring(0, bar), Long.parseLong(payload.substring(bar + 1)), Math::max);
        } catch (NumberFormatException ignored) {
            // not ours
        }
    }

    /** A read that fails (an outage of the pool) keeps the changes for the next turn. */
    private void deliverPending() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            updates.changed(Map.copyOf(pending));
            pending.clear();
        } catch (RuntimeException e) {
            if (!DatabaseOutages.isOutage(e)) {
                log.warn("Reading changed status views failed; trying again", e);
            }
        }
    }

    private void pause(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        synchronized (wake) {
            while (running && !woken && System.nanoTime() < until) {
                try {
                    wake.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    if (!running) {
                        return;
                    }
                }
            }
            woken = false;
        }
    }

    private Duration jittered(Duration doubled) {
        Duration capped = doubled.compareTo(properties.reconnectMax()) > 0 ? properties.reconnectMax() : doubled;
        long millis = capped.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::run, "status-updates-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        thread = null;
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close(); // ends a wait for notifications
            } catch (SQLException | RuntimeException ignored) {
                // closing a broken connection may fail; the thread ends anyway
            }
        }
        wakeUp();
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
