package io.omnireturns.chaos.fault;

import io.omnireturns.chaos.ChaosSettings;
import io.omnireturns.chaos.cluster.ChildPids;
import io.omnireturns.chaos.cluster.ExternalPostgres;
import io.omnireturns.chaos.cluster.ServiceNode;
import io.omnireturns.chaos.load.ApiClient;
import io.omnireturns.chaos.load.ReturnDriver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Plays the settings' faults while the driver plays the returns: the kill -9 (and restart) of the node that owns the
 * return process, and the PostgreSQL outage. Remembers when they happened, and which did not happen as planned.
 */
public final class FaultPlayer implements AutoCloseable {

    /** How long after PostgreSQL is back a 503 DATABASE_UNAVAILABLE is still accepted (a request sent just before). */
    static final Duration OUTAGE_GRACE = Duration.ofSeconds(5);
    /** How often the killed node is started before its restart counts as failed. */
    static final int RESTARTS = 5;

    private final ChaosSettings settings;
    private final ExternalPostgres postgres;
    private final List<ServiceNode> nodes;
    private final ApiClient api;
    private final ChildPids childPids;
    private final Consumer<String> progress;
    // the kill (and restart) and the outage each on their own thread, so a slow restart cannot push the outage past
    // the end of the load
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "faults");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> playing = new CopyOnWriteArrayList<>();
    private volatile String killedNode;
    private volatile Instant killedAt;
    private volatile Instant outageFrom;
    private volatile Instant outageUntil;
    /** Faults of the settings that did not happen as planned: each fails the run (a fault not played is no test). */
    private final List<String> notPlayed = new CopyOnWriteArrayList<>();

    public FaultPlayer(ChaosSettings settings, ExternalPostgres postgres, List<ServiceNode> nodes, ApiClient api,
                       ChildPids childPids, Consumer<String> progress) {
        this.settings = settings;
        this.postgres = postgres;
        this.nodes = nodes;
        this.api = api;
        this.childPids = childPids;
        this.progress = progress;
    }

    /** The faults start in the background, each once its share of the driver's returns started. */
    public void start(ReturnDriver driver) {
        playing.add(threads.submit(() -> {
            kill(driver);
            return null;
        }));
        playing.add(threads.submit(() -> {
            outage(driver);
            return null;
        }));
    }

    /** Waits, after the load, for the faults to be over; one that failed or is late counts as not played. */
    public void awaitOver() throws InterruptedException {
        Duration patience = settings.restartAfter().plus(settings.startPatience())
                .plus(settings.outageDuration()).plusMinutes(1);
        for (Future<?> fault : playing) {
            try {
                fault.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException failed) {
                // e.g. the killed node did not come back: the run goes on with the nodes it has, and fails
                notPlayed("a fault could not be played out: " + failed.getCause());
            } catch (TimeoutException late) {
                notPlayed("a fault was not over " + patience + " after the load");
            }
        }
    }

    /** Kill -9 (and restart) the return process's node once {@code killAt} of the returns started. */
    private void kill(ReturnDriver driver) throws Exception {
        if (!settings.kill()) {
            return;
        }
        awaitStarted(driver, settings.killAt());
        ServiceNode victim = sagaOwner().orElseGet(() -> {
            notPlayed("no node owned the return process's segment at the kill; " + nodes.get(0).name()
                    + " killed instead");
            return nodes.get(0);
        });
        victim.kill();
        killedAt = Instant.now();
        killedNode = victim.name();
        progress.accept("kill -9 " + victim.name() + " (pid " + victim.pid()
                + ", owner of the return process's segment)");
        if (settings.restart()) {
            Thread.sleep(settings.restartAfter().toMillis());
            // as a restart policy would (Docker's unless-stopped): a node that exits at start-up, e.g. because
            // PostgreSQL is down while it migrates, is started again, at most RESTARTS times
            for (int attempt = 1; ; attempt++) {
                victim.launch();
                childPids.remember(victim.pid());
                try {
                    victim.awaitReady(settings.startPatience());
                    progress.accept(victim.name() + " restarted and ready"
                            + (attempt > 1 ? " (start " + attempt + ")" : ""));
                    return;
                } catch (IllegalStateException exited) {
                    if (victim.alive() || attempt == RESTARTS) {
                        throw exited;
                    }
                    progress.accept(victim.name()
                            + " exited at start-up (see its log); started again as a restart policy would");
                    Thread.sleep(2000);
                }
            }
        }
    }

    /** PostgreSQL stopped for {@code outageDuration} once {@code outageAt} of the returns started. */
    private void outage(ReturnDriver driver) throws Exception {
        if (!settings.outage()) {
            return;
        }
        awaitStarted(driver, settings.outageAt());
        if (driver.finished() >= settings.returns()) {
            notPlayed("the outage would start after the load ended: no request would meet it");
        }
        outageFrom = Instant.now();
        api.outage(true);
        try {
            postgres.stop();
            progress.accept("PostgreSQL stopped for " + settings.outageDuration());
            Thread.sleep(settings.outageDuration().toMillis());
            postgres.start();
            progress.accept("PostgreSQL started again (same port, same data directory)");
        } finally {
            outageUntil = Instant.now(); // also when it did not come back: the schedule's failure says so
            api.outage(false);
        }
    }

    private void awaitStarted(ReturnDriver driver, double share) throws InterruptedException {
        int target = (int) Math.ceil(settings.returns() * share);
        while (driver.started() < target) {
            Thread.sleep(200);
        }
    }

    /** The node whose JVM owns the return process's (only) segment: the one with saga steps in flight. */
    private Optional<ServiceNode> sagaOwner() {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT owner FROM tokenentry WHERE processorname = 'return-process' AND owner IS NOT NULL")) {
            while (rows.next()) {
                String owner = rows.getString(1);
                for (ServiceNode node : nodes) {
                    if (owner.startsWith(node.pid() + "@")) {
                        return Optional.of(node);
                    }
                }
            }
        } catch (SQLException unknown) {
            progress.accept("cannot read the segment's owner: " + unknown.getMessage());
        }
        return Optional.empty();
    }

    /** A fault of the settings that did not happen as planned (also found after the load, e.g. by the report). */
    public void notPlayed(String fault) {
        notPlayed.add(fault);
        progress.accept("FAULT NOT PLAYED OUT: " + fault);
    }

    public List<String> notPlayed() {
        return List.copyOf(notPlayed);
    }

    /** The killed node's name, null if none was killed. */
    public String killedNode() {
        return killedNode;
    }

    /** When the node was killed, null if none was. */
    public Instant killedAt() {
        return killedAt;
    }

    public boolean outageBegan() {
        return outageFrom != null;
    }

    /**
     * Whether a 503 DATABASE_UNAVAILABLE at {@code at} is expected: from the outage's start until OUTAGE_GRACE after
     * its end (a request sent just before the restart, a pool reconnecting).
     */
    public boolean duringOutage(Instant at) {
        return outageFrom != null && !at.isBefore(outageFrom) && outageUntil != null
                && at.isBefore(outageUntil.plus(OUTAGE_GRACE));
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            progress.accept("a fault thread did not stop within 30 s");
        }
    }
}
