package io.omnireturns.platform.database.outage;

import io.omnireturns.platform.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether PostgreSQL answers, asked every {@code probe-interval} on one connection of its own (outside the pool:
 * a pool that is merely busy is no outage, and a probe must not queue behind the calls it judges). Health, the
 * request gate and the recovery of event processors read this instead of each finding out by waiting.
 * <p>
 * A stopped database refuses the connection at once; one that does not answer is caught by the probe's connect,
 * login and validation time-outs. Until the first probe, the database counts as available.
 */
public class DatabaseAvailability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** Opens the probe's own connection; it must give up within the probe time-out. */
    @FunctionalInterface
    public interface ProbeConnections {
        Connection open() throws SQLException;
    }

    /** What the last probe found, and since when that holds. */
    public record State(boolean available, Instant since, Instant checkedAt, String reason) {
    }

    private final ProbeConnections connections;
    private final DatabaseOutageProperties properties;
    private final Clock clock;
    private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> sessionLossListeners = new CopyOnWriteArrayList<>();
    private volatile State state;
    private volatile ScheduledExecutorService executor;
    private volatile Instant startedAt;
    private Connection probe;
    private int unansweredInARow;

    public DatabaseAvailability(ProbeConnections connections, DatabaseOutageProperties properties, Clock clock) {
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
        Instant now = clock.instant();
        this.state = new State(true, now, null, null);
    }

    /**
     * Whether API calls may go to the database: the last probe found it answering, or the probe has not reported for
     * longer than {@link #staleAfter()} (it hangs or died), when nothing is known and requests are let through rather
     * than turned away on old news.
     */
    public boolean available() {
        return state.available() || stale();
    }

    /**
     * True while the probe runs but has not reported for {@link #staleAfter()}: its last state says nothing about
     * now. Health reports UNKNOWN meanwhile.
     */
    public boolean stale() {
        Instant lastReport = lastReport();
        return executor != null && lastReport != null
                && Duration.between(lastReport, clock.instant()).compareTo(staleAfter()) > 0;
    }

    /** Five probe intervals, plus the two time-outs (connect, validate) one probe may spend. */
    public Duration staleAfter() {
        return properties.probeInterval().multipliedBy(5).plus(properties.probeTimeout().multipliedBy(2));
    }

    private Instant lastReport() {
        Instant checkedAt = state.checkedAt();
        return checkedAt != null ? checkedAt : startedAt;
    }

    public State state() {
        return state;
    }

    /** Runs on the probe thread each time the database answers again after an outage; keep it short. */
    public void onRecovery(Runnable listener) {
        recoveryListeners.add(listener);
    }

    /**
     * Runs on the probe thread each time the probe's own session, open and answering before, is found ended (the
     * driver closed it, not merely a slow answer): whatever ended it (a restart, a fail-over, a network cut) has most likely ended the pool's sessions too, even when the
     * database answers again by the next check. Keep it short.
     */
    public void onSessionLost(Runnable listener) {
        sessionLossListeners.add(listener);
    }

    /**
     * One probe; called by the schedule, and by tests that do not want to wait for it. A refused connection or a
     * server shutting down counts at once; anything else (no answer in time, a slow login, too many connections)
     * from the second time in a row, so one slow answer from a busy database does not turn every API call away.
     */
    public synchronized State check() {
        String reason = null;
        boolean definite = false;
        boolean sessionLost = false;
        boolean hadSession = probe != null;
        try {
            if (probe == null) {
                probe = connections.open();
            }
            if (!probe.isValid(timeoutSeconds())) {
                reason = "no answer within " + properties.probeTimeout().toMillis() + " ms";
                sessionLost = hadSession && probe.isClosed(); // the driver closes a session it lost, not a slow one
            }
        } catch (SQLException | RuntimeException e) {
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            definite = refused(e);
            sessionLost = hadSession;
        }
        if (reason == null) {
            unansweredInARow = 0;
            return record(true, null);
        }
        closeProbe();
        if (sessionLost) {
            run(sessionLossListeners, "Step after the probe's session was lost");
        }
        unansweredInARow++;
        boolean available = state.available() && !definite && unansweredInARow < 2;
        return record(available, reason);
    }

    /**
     * Whether the failure says for certain that the database is down: the connection was refused (nobody listens on
     * the port), or the server is shutting down, crashed, or still starting (57P01-57P03). A socket time-out (a slow
     * login on a busy server) or 53300 (too many connections) is not: the server is there, only busy.
     */
    static boolean refused(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("57P0")) {
                    return true;
                }
                if ("08001".equals(state) && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
                    return true;
                }
            }
        }
        return false;
    }

    private State record(boolean available, String reason) {
        State previous = state;
        Instant now = clock.instant();
        State next = new State(available, previous.available() == available ? previous.since() : now, now,
                available ? null : reason);
        state = next;
        if (previous.available() && !available) {
            log.warn("Database unavailable: {}; API calls answer 503 DATABASE_UNAVAILABLE until it answers again",
                    reason);
        } else if (!previous.available() && available) {
            log.info("Database available again after {}", Duration.between(previous.since(), now));
            run(recoveryListeners, "Recovery step");
        }
        return next;
    }

    private static void run(List<Runnable> listeners, String what) {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("{} failed", what, e);
            }
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, (properties.probeTimeout().toMillis() + 999) / 1000);
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException | RuntimeException ignored) {
                // a connection that cannot answer cannot be closed politely either
            }
            probe = null;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("database-probe"));
        long interval = properties.probeInterval().toMillis();
        startedAt = clock.instant();
        scheduler.scheduleWithFixedDelay(this::scheduledCheck, interval, interval, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    /**
     * A caller just saw the database fail: probe now, on the probe's own thread, instead of at the next tick, so the
     * request gate (and whatever asks {@link #available()}) turns calls away from the first failure on.
     */
    public void suspect() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null) {
            try {
                scheduler.execute(this::scheduledCheck);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the probe is stopping: nothing left to tell
            }
        }
    }

    /** A task that lets anything escape is never run again by its executor: the probe would stop for good. */
    private void scheduledCheck() {
        try {
            check();
        } catch (Throwable e) {
            log.error("Database probe failed; trying again in {}", properties.probeInterval(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(properties.probeTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeProbe();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
