package io.omnireturns.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Waits of a harness for its returns to move on, triggered by the {@link StatusStream} instead of polling: each
 * change on the stream is matched to the return's waiting {@link StatusCondition}; a condition that needs the status
 * view gets one read per change of its return. Nothing is missed:
 * <ul>
 *     <li>changes that arrive before the harness waits (even before its request was answered) are kept per return;</li>
 *     <li>after every (re)connect of the stream, each waiting return is read once (the stream replays nothing), and a
 *     return whose request was sent while the stream was down or has reconnected since ({@link #mark()},
 *     {@link #track}) is read once when it is first waited for;</li>
 *     <li>a waiting return with no news for {@code fallbackAfter} is read once more (a <em>fallback read</em>,
 *     counted: ~0 when the stream works), so a lost change never hangs the harness.</li>
 * </ul>
 * A wait ends unmet when the return goes ON_HOLD, REJECTED, CANCELLED or EXPIRED, when a read fails, or at its
 * deadline ({@link WaitFailure}).
 */
public final class StatusWatch implements StatusStream.Listener, AutoCloseable {

    /** What met a condition (a summary or a status view) and when it arrived. */
    public record Seen(JsonNode state, long arrivedNanos) {
    }

    /** A wait that ended unmet. */
    public static final class WaitFailure extends RuntimeException {
        public WaitFailure(String message) {
            super(message, null, false, false);
        }
    }

    private enum Read { CHANGE, CATCH_UP, FALLBACK }

    private static final Duration FORGET_UNCLAIMED = Duration.ofMinutes(2);

    private final Function<String, CompletableFuture<JsonNode>> reader;
    private final Executor completions;
    private final long fallbackNanos;
    private final Map<String, Tracked> returns = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "status-watch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean connected;
    private final LongAdder changeReads = new LongAdder();
    private final LongAdder catchUpReads = new LongAdder();
    private final LongAdder fallbackReads = new LongAdder();

    /**
     * @param reader        reads a return's status view ({@code GET /api/v1/returns/{id}}); null when there is none
     *                      yet (404)
     * @param completions   where met waits are completed (what the harness chains on them runs there)
     * @param fallbackAfter a waiting return without news for this long is read once
     */
    public StatusWatch(Function<String, CompletableFuture<JsonNode>> reader, Executor completions,
                       Duration fallbackAfter) {
        this.reader = reader;
        this.completions = completions;
        this.fallbackNanos = fallbackAfter.toNanos();
        long every = Math.max(50, Math.min(1000, fallbackAfter.toMillis() / 4));
        ticks.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** To be taken just before a return's request is sent, and given to {@link #track} with its id. */
    public long mark() {
        return connected ? epoch.get() : -1;
    }

    /**
     * The harness will wait for this return (its request, sent at {@code mark}, was answered): if the stream was not
     * connected all along since, its first wait starts with a read.
     */
    public void track(String returnId, long mark) {
        Tracked tracked = returns.computeIfAbsent(returnId, Tracked::new);
        synchronized (tracked) {
            tracked.claimed = true;
            if (mark < 0 || mark != epoch.get() || !connected) {
                tracked.stale = true;
            }
        }
    }

    /** Waits until the return's status meets the condition, at most until {@code deadlineNanos} (nano time). */
    public CompletableFuture<Seen> await(String returnId, StatusCondition condition, long deadlineNanos) {
        CompletableFuture<Seen> result = new CompletableFuture<>();
        Tracked tracked = returns.computeIfAbsent(returnId, Tracked::new);
        synchronized (tracked) {
            tracked.claimed = true;
            if (tracked.waiting != null) {
                tracked.fail(new WaitFailure("a second wait for " + returnId + " replaced this one"));
            }
            tracked.waiting = new Waiting(condition, result, deadlineNanos);
            tracked.lastNewsNanos = System.nanoTime();
            if (tracked.stale) {
                tracked.stale = false;
                tracked.read(Read.CATCH_UP);
            } else if (tracked.latest != null) {
                tracked.evaluate(tracked.latest, tracked.latestIsView, tracked.latestArrived);
            }
        }
        return result;
    }

    /** The harness is done with this return. */
    public void forget(String returnId) {
        Tracked tracked = returns.remove(returnId);
        if (tracked != null) {
            synchronized (tracked) {
                tracked.fail(new WaitFailure("no longer followed"));
            }
        }
    }

    @Override
    public void connected() {
        epoch.incrementAndGet();
        connected = true;
        for (Tracked tracked : returns.values()) {
            synchronized (tracked) {
                if (tracked.waiting != null) {
                    tracked.read(Read.CATCH_UP);
                } else {
                    tracked.stale = true;
                }
            }
        }
    }

    @Override
    public void disconnected() {
        connected = false;
    }

    @Override
    public void changed(JsonNode summary, long arrivedNanos) {
        String returnId = summary.path("returnId").asText("");
        if (returnId.isEmpty()) {
            return;
        }
        Tracked tracked = returns.computeIfAbsent(returnId, Tracked::new);
        synchronized (tracked) {
            tracked.offer(summary, false, arrivedNanos);
        }
    }

    /** Reads because a change came for a return whose condition needs the status view. */
    public long changeReads() {
        return changeReads.sum();
    }

    /** Reads after a (re)connect of the stream, or of returns requested while it was not connected. */
    public long catchUpReads() {
        return catchUpReads.sum();
    }

    /** Reads of returns that had no news for {@code fallbackAfter}: each one a change the stream did not bring. */
    public long fallbackReads() {
        return fallbackReads.sum();
    }

    /** Returns followed now (waiting, or seen on the stream lately). */
    public int followed() {
        return returns.size();
    }

    private void tick() {
        long now = System.nanoTime();
        for (Tracked tracked : returns.values()) {
            synchronized (tracked) {
                if (tracked.waiting == null) {
                    if (!tracked.claimed && now - tracked.lastNewsNanos > FORGET_UNCLAIMED.toNanos()) {
                        returns.remove(tracked.returnId, tracked); // another client's return, or a late change
                    }
                } else if (now - tracked.waiting.deadlineNanos > 0) {
                    tracked.fail(new WaitFailure("timed out waiting for " + tracked.waiting.condition.name()));
                } else if (!tracked.reading && now - tracked.lastNewsNanos > fallbackNanos) {
                    tracked.read(Read.FALLBACK);
                }
            }
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }

    private void complete(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException shutDown) {
            completion.run();
        }
    }

    private record Waiting(StatusCondition condition, CompletableFuture<Seen> result, long deadlineNanos) {
    }

    /** One return: the newest state seen of it and what waits for it; guarded by itself. */
    private final class Tracked {
        final String returnId;
        JsonNode latest;
        boolean latestIsView;
        long latestVersion = -1;
        long latestArrived;
        long lastNewsNanos = System.nanoTime();
        boolean claimed;
        boolean stale;
        boolean reading;
        Waiting waiting;

        Tracked(String returnId) {
            this.returnId = returnId;
        }

        /** A summary from the stream or a view read: kept if newer, and tried on the waiting condition. */
        void offer(JsonNode state, boolean isView, long arrivedNanos) {
            lastNewsNanos = System.nanoTime();
            long version = state.path("version").asLong(-1);
            boolean newer = version > latestVersion;
            if (newer || (isView && version == latestVersion)) { // a view of the same version tells more
                latest = state;
                latestIsView = isView;
                latestVersion = version;
                latestArrived = arrivedNanos;
            } else if (!isView) {
                return; // an older change than one already seen (views stored together come once, as the newest)
            }
            evaluate(state, isView, arrivedNanos);
        }

        void evaluate(JsonNode state, boolean isView, long arrivedNanos) {
            if (waiting == null) {
                return;
            }
            StatusCondition condition = waiting.condition;
            String status = state.path("status").asText();
            if (condition.needsView() && !isView) {
                if (StatusCondition.DEAD_ENDS.contains(status)) {
                    deadEnd(state, status);
                } else {
                    read(Read.CHANGE);
                }
                return;
            }
            if (condition.test().test(state)) {
                Waiting met = waiting;
                waiting = null;
                Seen seen = new Seen(state, arrivedNanos);
                complete(() -> met.result.complete(seen));
            } else if (StatusCondition.DEAD_ENDS.contains(status)) {
                deadEnd(state, status);
            } else if (isView && condition.needsView() && latestVersion > state.path("version").asLong(-1)) {
                read(Read.CHANGE); // the return changed again while this view was read
            }
        }

        private void deadEnd(JsonNode state, String status) {
            String reason = StatusCondition.holdReason(state);
            fail(new WaitFailure("return went " + status + (reason.isEmpty() ? "" : " " + reason)));
        }

        void fail(RuntimeException why) {
            Waiting failed = waiting;
            waiting = null;
            if (failed != null) {
                complete(() -> failed.result.completeExceptionally(why));
            }
        }

        /** One read of the status view (unless one is under way: it is tried when it comes back). */
        void read(Read why) {
            if (reading) {
                return;
            }
            reading = true;
            lastNewsNanos = System.nanoTime();
            switch (why) {
                case CHANGE -> changeReads.increment();
                case CATCH_UP -> catchUpReads.increment();
                case FALLBACK -> fallbackReads.increment();
            }
            CompletableFuture<JsonNode> view;
            try {
                view = reader.apply(returnId);
            } catch (RuntimeException e) {
                view = CompletableFuture.failedFuture(e);
            }
            view.whenComplete((read, failure) -> {
                synchronized (this) {
                    reading = false;
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        fail(cause instanceof RuntimeException r ? r
                                : new WaitFailure("status view read failed: " + cause));
                    } else if (read != null) {
                        offer(read, true, System.nanoTime());
                    } // null: no view yet (404); the next change, or the fallback, reads again
                }
            });
        }
    }
}
