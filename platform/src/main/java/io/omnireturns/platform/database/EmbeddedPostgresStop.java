package io.omnireturns.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the embedded PostgreSQL last: as a Spring bean the connection pool depends on, it is closed after the pool
 * and after every component that uses it (event processors, deadlines, the web server), so they shut down against a
 * running database. Before, the driver's own JVM hook stopped PostgreSQL the moment the process was told to stop,
 * and every processor and the deadline scheduler then failed on dead connections and timed out their shutdown.
 * <p>
 * A JVM hook remains for a context that is never closed (a process that exits without closing Spring): it waits
 * for the context's own close and then stops the database itself, so no PostgreSQL outlives its JVM. Once the context
 * has begun to close it waits for that close however long it takes (a graceful web shutdown may take half a minute);
 * a context that has not begun to close within {@link #UNCLOSED_CONTEXT_GRACE} is taken to be one nobody closes.
 */
final class EmbeddedPostgresStop implements AutoCloseable, ApplicationListener<ContextClosedEvent> {

    /** How long the JVM hook waits for Spring to begin closing the context before it stops the database itself. */
    static final Duration UNCLOSED_CONTEXT_GRACE = Duration.ofSeconds(20);
    /** The hook's limit for a context that is closing: never forever, a JVM must end. */
    private static final Duration CLOSING_CONTEXT_LIMIT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStop.class);

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch closedBySpring = new CountDownLatch(1);
    private final AtomicBoolean contextClosing = new AtomicBoolean();
    private final Thread hook;

    EmbeddedPostgresStop(EmbeddedPostgres postgres, Duration unclosedContextGrace) {
        this.postgres = postgres;
        this.hook = new Thread(() -> {
            try {
                boolean closed = closedBySpring.await(unclosedContextGrace.toMillis(), TimeUnit.MILLISECONDS);
                if (!closed && contextClosing.get()) {
                    closed = closedBySpring.await(CLOSING_CONTEXT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                }
                if (!closed) {
                    log.warn("The application context was not closed; stopping the embedded PostgreSQL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
        }, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        contextClosing.set(true);
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            closedBySpring.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook); // a context closed before the JVM ends (tests)
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it finds the latch released and the database stopped
            }
        }
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
