package io.omnireturns.query.admin;

import io.omnireturns.api.audit.ViewRebuild;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.query.audit.EventStoreReader;
import io.omnireturns.query.status.ReturnStatusProjection;
import io.omnireturns.query.status.StatusViewShadow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The status view's replay without downtime: a rebuild into a shadow table that replaces the live one once it has
 * caught up and passed its verification ({@link StatusViewRebuildRun}), started, followed and cancelled from any
 * instance. One runs at a time across all instances ({@link RebuildLock}); its progress is in the {@code view_rebuild}
 * row, which every instance reads.
 */
@Service
public class ViewRebuilds implements DisposableBean {

    /** The one view rebuilt this way so far. */
    public static final String VIEW = ReturnStatusProjection.PROCESSING_GROUP;

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    private final StatusViewRebuildRun.Collaborators collaborators;
    private final RebuildRecords records;
    private final JdbcTemplate jdbc;
    private final RebuildLock lock;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "status-view-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile StatusViewRebuildRun running;

    ViewRebuilds(ShadowFill fill, ShadowVerification verification, StatusViewShadow shadow, RebuildRecords records,
                 ProcessorTokens deadLetters, EventStoreReader events, AdminProperties properties, PlatformTransactionManager transactionManager,
                 ObjectProvider<RebuildListener> listeners, JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.collaborators = new StatusViewRebuildRun.Collaborators(fill, verification, shadow, records, deadLetters, events,
                properties, new TransactionTemplate(transactionManager), listeners.orderedStream().toList(), clock);
        this.records = records;
        this.jdbc = jdbc;
        this.lock = new RebuildLock(dataSource);
        this.clock = clock;
    }

    /** Starts a rebuild of the status view in the background; refused while one runs anywhere. */
    public synchronized ViewRebuild start(String requestedBy) {
        if (running != null || !lock.tryAcquire()) {
            String where = find().filter(rebuild -> rebuild.phase().running())
                    .map(rebuild -> " (on " + rebuild.node() + ", " + rebuild.phase() + ")").orElse("");
            throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.REBUILD_IN_PROGRESS,
                    "a rebuild of the " + VIEW + " view is running already" + where);
        }
        StatusViewRebuildRun run;
        try {
            RebuildProgress progress = new RebuildProgress(VIEW, UUID.randomUUID().toString(), requestedBy, node,
                    clock.instant());
            records.start(progress);
            run = new StatusViewRebuildRun(progress, collaborators);
            running = run;
            runner.execute(() -> runAndRelease(run));
        } catch (RuntimeException e) {
            running = null;
            lock.release();
            throw e;
        }
        log.info("Rebuild {} of the {} view requested by {}", run.progress().rebuildId, VIEW, requestedBy);
        return find().orElseThrow();
    }

    /** The running rebuild, or the last one; empty when the view was never rebuilt. */
    public Optional<ViewRebuild> find() {
        Optional<ViewRebuild> found = records.find(VIEW);
        if (found.isPresent() && found.get().phase().running() && running == null
                && !RebuildLock.heldAnywhere(jdbc)) {
            // neither here nor anywhere: its instance stopped without ending it
            records.abandoned(VIEW, found.get().rebuildId(), clock.instant());
            found = records.find(VIEW);
        }
        return found;
    }

    /** The running rebuild, or the last one. */
    public ViewRebuild current() {
        return find().orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND, AdminErrors.NO_REBUILD,
                "the " + VIEW + " view has not been rebuilt yet"));
    }

    /** The rebuild while one runs, on any instance. */
    public Optional<ViewRebuild> running() {
        return find().filter(rebuild -> rebuild.phase().running());
    }

    /**
     * Asks the running rebuild to stop, wherever it runs: it drops its shadow at its next batch and leaves the live
     * view as it was. A swap already under way finishes first; the rebuild is then done, not cancelled.
     */
    public ViewRebuild cancel(String requestedBy) {
        StatusViewRebuildRun local = running;
        find(); // a rebuild whose instance died reads as failed, not as something to cancel
        if (!records.requestCancel(VIEW)) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, AdminErrors.NO_REBUILD_RUNNING,
                    "no rebuild of the " + VIEW + " view is running: nothing to cancel");
        }
        if (local != null) {
            local.cancel();
        }
        log.info("Cancellation of the {} view's rebuild requested by {}", VIEW, requestedBy);
        return current();
    }

    private void runAndRelease(StatusViewRebuildRun run) {
        try {
            run.run();
        } finally {
            synchronized (this) {
                running = null;
                lock.release();
            }
        }
    }

    /** A rebuild still running when the service stops is cancelled: the live view stays as it is. */
    @Override
    public void destroy() throws InterruptedException {
        StatusViewRebuildRun local = running;
        if (local != null) {
            local.cancel();
        }
        runner.shutdown();
        if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
            runner.shutdownNow();
        }
    }
}
