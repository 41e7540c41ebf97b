package io.omnireturns.platform.axon;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's JDBC event storage engine that does not read again, right away, from where a read found the last event:
 * when nothing was committed on this node since, the answer would be "nothing".
 * <p>
 * Why: the embedded event store's reader, woken after a commit, reads in batches until a batch comes back empty, and
 * then once more before it waits: a read that finds the events is followed by two that find none, each a read-only
 * transaction of one or two statements, about two thirds of the reads under load. This engine answers those two from
 * memory when they ask again from the end of a short batch, within {@code window} and with no local commit in
 * between ({@link #eventsCommitted()}, called by {@link LingeringEventStore} before it wakes the reader). Events of
 * other nodes are read by the next read after the window (the store looks every second when idle), as before;
 * events of this node always wake a read that goes to the database.
 */
public class CommitAwareEventStorageEngine extends JdbcEventStorageEngine {

    private final long windowNanos;
    private final AtomicLong commits = new AtomicLong();
    private volatile ShortRead lastShortRead;

    public CommitAwareEventStorageEngine(Builder builder, Duration window) {
        super(builder);
        this.windowNanos = window.toNanos();
    }

    /** This node committed events: the next read goes to the database. */
    public void eventsCommitted() {
        commits.incrementAndGet();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        ShortRead shortRead = lastShortRead;
        if (shortRead != null && shortRead.commits() == commits.get()
                && System.nanoTime() - shortRead.at() < windowNanos && Objects.equals(shortRead.end(), lastToken)) {
            return List.of();
        }
        long commitsBefore = commits.get(); // before the read: a commit during it makes the next read a real one
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        if (windowNanos > 0 && events.size() < batchSize) {
            TrackingToken end = events.isEmpty() ? lastToken : events.get(events.size() - 1).trackingToken();
            if (end != null) {
                lastShortRead = new ShortRead(end, commitsBefore, System.nanoTime());
            }
        }
        return events;
    }

    private record ShortRead(TrackingToken end, long commits, long at) {
    }
}
