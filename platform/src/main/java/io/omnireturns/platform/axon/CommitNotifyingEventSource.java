package io.omnireturns.platform.axon;

import io.omnireturns.platform.concurrent.DaemonThreads;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event store as the source of streaming processors, telling them at once when this node committed events.
 * <p>
 * Why: the embedded event store's streams cannot tell a pooled streaming processor that events arrived, so its
 * coordinator looks again every 500 ms when idle, and every hop of the process (event → saga → step → command →
 * event → status view) waits 0–500 ms for that look. This source's streams take the coordinator's callback and call
 * it after every local commit of events; a tick (once no call back came for {@code fallbackInterval}) still calls it
 * for events other nodes append. A stream that was told of a commit waits up to {@code commitWait} for the store's
 * reader thread to have fetched the events, so the coordinator does not look too early and then sleep.
 * <p>
 * With a {@code linger}, the call back waits that long after a commit and stands for every commit in between: under
 * load a node commits events every millisecond or so, and waking every processor for each commit gave batches of one
 * or two events, each with its own transaction and token write. Lingering a few milliseconds lets a batch take what
 * the other threads committed meanwhile (the backlog), at the price of that delay on each hop of an idle process.
 * A lingering stream that has been read to its end stays at its end until the next call back, so under load a
 * processor reads about once per linger, however fast its workers finish.
 * <p>
 * Disabled, it is the plain event store (what the benchmark's "out-of-the-box Axon" phase uses).
 */
public final class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(CommitNotifyingEventSource.class);

    private final EventStore eventStore;
    private final boolean enabled;
    private final long commitWaitMillis;
    private final long lingerMillis;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Set<NotifyingStream> openStreams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private long fallbackNanos;
    private volatile long lastWakeNanos = System.nanoTime();

    public CommitNotifyingEventSource(EventStore eventStore, boolean enabled, Duration commitWait,
                                      Duration fallbackInterval) {
        this(eventStore, enabled, commitWait, fallbackInterval, Duration.ZERO);
    }

    /**
     * @param linger how long to wait after a commit before calling the streams back (zero: at once); commits in the
     *               meantime ride along
     */
    public CommitNotifyingEventSource(EventStore eventStore, boolean enabled, Duration commitWait,
                                      Duration fallbackInterval, Duration linger) {
        this.eventStore = eventStore;
        this.enabled = enabled;
        this.commitWaitMillis = Math.max(1, commitWait.toMillis());
        this.lingerMillis = Math.max(0, linger.toMillis());
        if (enabled) {
            ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("event-source-tick"));
            long fallback = Math.max(10, fallbackInterval.toMillis());
            fallbackNanos = TimeUnit.MILLISECONDS.toNanos(fallback);
            long check = Math.max(10, fallback / 4);
            ticker.scheduleWithFixedDelay(this::tickUnlessWoken, check, check, TimeUnit.MILLISECONDS);
            eventStore.subscribe(events -> {
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(unitOfWork -> eventsCommitted());
                } else {
                    eventsCommitted();
                }
            });
        } else {
            ticker = null;
        }
    }

    private void eventsCommitted() {
        if (lingerMillis == 0) {
            lastWakeNanos = System.nanoTime();
            openStreams.forEach(stream -> wake(stream, NotifyingStream::committed));
        } else if (wakeScheduled.compareAndSet(false, true)) {
            ticker.schedule(() -> {
                wakeScheduled.set(false); // a commit from now on schedules the next call back
                lastWakeNanos = System.nanoTime();
                openStreams.forEach(stream -> wake(stream, NotifyingStream::committed));
            }, lingerMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The fallback tick, for events other nodes append: only when no call back came for a whole fallback interval.
     * Under load the commits' call backs already look often enough, and a tick between two of them only split a
     * batch in two.
     */
    private void tickUnlessWoken() {
        tickUnlessWokenAt(System.nanoTime());
    }

    /** {@link #tickUnlessWoken} at {@code now} ({@link System#nanoTime()}'s scale). */
    void tickUnlessWokenAt(long now) {
        if (now - lastWakeNanos >= fallbackNanos) {
            lastWakeNanos = now;
            openStreams.forEach(stream -> wake(stream, NotifyingStream::tick));
        }
    }

    /**
     * One stream's call back; what it throws (a processor's executor shut down under it) is logged, so it neither
     * keeps the other streams from theirs nor ends the ticker's repeated task.
     */
    private static void wake(NotifyingStream stream, java.util.function.Consumer<NotifyingStream> call) {
        try {
            call.accept(stream);
        } catch (RuntimeException e) {
            LOGGER.warn("A streaming processor's call back failed; its next look comes with the next one", e);
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(trackingToken);
        return enabled ? new NotifyingStream(stream) : stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        private volatile boolean commitPending;
        /** Call backs so far. */
        private final java.util.concurrent.atomic.AtomicLong wakes = new java.util.concurrent.atomic.AtomicLong();
        /**
         * Lingering only: the call back after which the coordinator read everything there was (-1: none); what comes
         * next waits for the next call back. A count, not a flag, so a call back while the end is being found counts.
         */
        private volatile long drainedAtWake = -1;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void committed() {
            commitPending = true;
            tick();
        }

        void tick() {
            wakes.incrementAndGet();
            Runnable current = callback;
            if (current != null) {
                current.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            openStreams.add(this);
            return true;
        }

        /**
         * Whether the coordinator may read on. Lingering, once it has read everything there was, it reads again only
         * after the next call back (a linger after a commit, or the tick), not each time a worker finishes a batch
         * and finds a few events committed meanwhile: under load that made every other batch a small one, each with
         * its transaction, its token write and one more write of every view document it touched.
         */
        @Override
        public boolean hasNextAvailable() {
            long wake = wakes.get();
            if (drainedAtWake == wake) {
                return false;
            }
            try {
                if (delegate.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (commitPending) {
                    // events were committed here a moment ago: give the store's reader a moment to fetch them
                    commitPending = false;
                    if (delegate.hasNextAvailable((int) commitWaitMillis, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                if (lingerMillis > 0) {
                    // looked at twice: the embedded store's consumer answers nothing once as it moves from its own
                    // read of older events to the shared one, though the events are there
                    if (delegate.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                        return true;
                    }
                    drainedAtWake = wake;
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            openStreams.remove(this);
            callback = null;
            delegate.close();
        }
    }
}
