package io.omnireturns.platform.axon;

import io.omnireturns.platform.concurrent.DaemonThreads;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded event store whose reader thread, woken by a local commit, waits {@code linger} first and then
 * fetches what every commit of that while appended.
 * <p>
 * Why: the store's single reader (its "producer", which fills the cache the processors' streams tail) is woken after
 * every commit of events and then reads until it finds nothing: a read that finds the events and two that find
 * none, each a read-only transaction of one or two statements. Under load this node commits events about every
 * millisecond, so the reader ran some 28 read transactions per return for about 22 events. Lingering makes that one
 * round of reads per {@code linger} however many commits fell in it; the processors, called back after the same
 * linger ({@link CommitNotifyingEventSource}), then find the events in the cache.
 * <p>
 * Events other nodes append are read on the store's own schedule (its fetch delay) as before.
 */
public class LingeringEventStore extends EmbeddedEventStore {

    private final long lingerMillis;
    private final ScheduledExecutorService waker;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();

    public LingeringEventStore(Builder builder, Duration linger) {
        super(builder);
        this.lingerMillis = Math.max(0, linger.toMillis());
        this.waker = lingerMillis == 0 ? null
                : Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("event-store-linger"));
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (storageEngine() instanceof CommitAwareEventStorageEngine engine) {
            engine.eventsCommitted(); // before the reader is woken
        }
        if (waker == null) {
            super.afterCommit(events);
        } else if (wakeScheduled.compareAndSet(false, true)) {
            waker.schedule(() -> {
                wakeScheduled.set(false); // a commit from now on schedules the next read
                super.afterCommit(events); // the reader reads from its last position, whatever the events
            }, lingerMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutDown() {
        if (waker != null) {
            waker.shutdownNow();
        }
        super.shutDown();
    }
}
