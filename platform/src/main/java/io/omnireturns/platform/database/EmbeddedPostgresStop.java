package io.omnireturns.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * for the context's own close for a while and then stops the database itself, so no PostgreSQL outlives its JVM.
 */
final class EmbeddedPostgresStop implements AutoCloseable {

    /** How long the JVM hook waits for Spring to close the context before it stops the database itself. */
    static final Duration UNCLOSED_CONTEXT_GRACE = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStop.class);

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch closedBySpring = new CountDownLatch(1);

    EmbeddedPostgresStop(EmbeddedPostgres postgres, Duration unclosedContextGrace) {
        this.postgres = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!closedBySpring.await(unclosedContextGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("The application context was not closed within {}; stopping the embedded PostgreSQL",
                            unclosedContextGrace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
        }, "embedded-postgres-stop"));
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            closedBySpring.countDown();
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
