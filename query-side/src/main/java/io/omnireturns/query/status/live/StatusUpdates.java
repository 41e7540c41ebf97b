package io.omnireturns.query.status.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.platform.concurrent.DaemonThreads;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.query.ReturnRequests;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live status views for in-process consumers (the event streams of the API, the console's htmx fragments): subscribe
 * to one return or to every return in a scope and get each newer view of it pushed, with no polling.
 *
 * <pre>{@code
 * Subscription subscription = statusUpdates.subscribe(returnId, caller.scope(), lastSeenVersion, new StatusListener() {
 *     public void onUpdate(ReturnStatusView view) { emitter.send(render(view)); }      // newer versions only, in order
 *     public void onKeepAlive() { emitter.send(comment("keep-alive")); }               // every ~15 s
 *     public void onClose(Subscription.Ending ending) { emitter.complete(); }          // TERMINAL, CLOSED, ...
 * });
 * // when the client goes away: subscription.close();
 * }</pre>
 * <p>
 * <b>What a listener gets.</b> {@link #subscribe} first delivers the return's current view if its version is above
 * {@code afterVersion} (pass 0, or -1 for "everything", on a first connect; the last version seen on a reconnect),
 * then each newer view as it is committed, versions strictly rising, never one twice. Views written together (one
 * batch of the status projection, one burst of notifications) arrive as their newest only: a listener always ends
 * with the latest view, not necessarily with each intermediate one. After a view with a terminal status
 * ({@link io.omnireturns.api.returns.ReturnStatus#isTerminal()}) the subscription ends ({@link Subscription.Ending#TERMINAL}).
 * {@link #subscribeToAll} delivers the newest view of every return of the scope that changes from then on (not the
 * current ones: read the list first), newest per return, possibly a version twice after the node lost its database
 * connection; it never ends by itself.
 * <p>
 * <b>Who may see what.</b> The caller's {@link AccessScope} filters as the status GET does: a return outside it is
 * {@code RETURN_NOT_FOUND} for {@link #subscribe}, and never delivered by {@link #subscribeToAll}. A return requested
 * but not yet in the view (just after its request) may be followed: its first view comes when it is written
 * ({@link #visible}). Roles are the
 * caller's business (the web layer checks them before subscribing).
 * <p>
 * <b>Where updates come from.</b> Any node's status projection announces each view it writes with a PostgreSQL
 * notification in the write's transaction; this node's one {@link StatusChangeListener} hears them, this class reads
 * each changed view once (not once per subscriber; not at all when this node wrote it and still holds it,
 * {@link RecentViews}) and hands it to the subscribers' mailboxes, which
 * {@code delivery-threads} threads drain. A node holds at most {@code max-subscribers} subscriptions
 * ({@link TooManySubscribersException} beyond).
 */
public class StatusUpdates implements SmartLifecycle {

    /** How many returns' last dispatched versions are remembered, to skip a re-read that would change nothing. */
    private static final int DISPATCHED_MEMORY = 10_000;

    private final ReturnStatusProjection views;
    private final RecentViews recent;
    private final EventStore events;
    private final StatusUpdatesProperties properties;
    private final Map<String, Set<LiveSubscriber>> byReturn = new ConcurrentHashMap<>();
    private final Set<LiveSubscriber> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, Long> dispatched = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > DISPATCHED_MEMORY;
        }
    };
    private final ExecutorService delivery;
    private volatile ScheduledExecutorService heartbeat;

    public StatusUpdates(ReturnStatusProjection views, RecentViews recent, EventStore events,
                         StatusUpdatesProperties properties, MeterRegistry meters) {
        this.views = views;
        this.recent = recent;
        this.events = events;
        this.properties = properties;
        this.delivery = Executors.newFixedThreadPool(Math.max(1, properties.deliveryThreads()),
                DaemonThreads.named("status-updates"));
        Gauge.builder("omnireturns.status.updates.subscribers", byReturn,
                        map -> map.values().stream().mapToInt(Set::size).sum())
                .description("live subscriptions to one return's status on this node").tag("stream", "return")
                .register(meters);
        Gauge.builder("omnireturns.status.updates.subscribers", all, Set::size)
                .description("live subscriptions to every return of a scope on this node").tag("stream", "all")
                .register(meters);
    }

    /**
     * Follows one return. Answers {@code RETURN_NOT_FOUND} (a {@link DomainException}) when the return has no view or
     * is outside the scope, {@link TooManySubscribersException} when the node is full.
     *
     * @param afterVersion the version the listener has already (0 or -1 when none): only newer views are delivered
     */
    public Subscription subscribe(String returnId, AccessScope scope, long afterVersion, StatusListener listener) {
        reserve();
        LiveSubscriber subscriber = new LiveSubscriber(returnId, scope, afterVersion, listener, delivery,
                1, this::remove);
        byReturn.compute(returnId, (id, subscribers) -> {
            Set<LiveSubscriber> set = subscribers == null ? ConcurrentHashMap.newKeySet() : subscribers;
            set.add(subscriber);
            return set;
        });
        // read after registering: a change committed meanwhile is then either in this read or announced to us
        ReturnStatusView current;
        try {
            current = visible(returnId, scope);
        } catch (RuntimeException e) {
            subscriber.end(Subscription.Ending.CLOSED);
            throw e;
        }
        if (current == null) {
            return subscriber; // requested, not yet projected: its first view comes when it is written
        }
        if (current.version() <= afterVersion && current.status().isTerminal()) {
            subscriber.end(Subscription.Ending.TERMINAL); // nothing newer will come
        } else {
            subscriber.offer(current);
        }
        return subscriber;
    }

    /**
     * The return's stored view if the scope may see it; null when the return was requested (its first event is in the
     * event store, inside the scope) but its view is not written yet, as just after {@code POST /api/v1/returns}.
     * Anything else is {@code RETURN_NOT_FOUND}, as for the status GET.
     */
    public ReturnStatusView visible(String returnId, AccessScope scope) {
        ReturnStatusView view = read(Map.of(returnId, -1L)).stream().findFirst().orElse(null);
        if (view != null && scope.permits(view.storeId(), view.customerId())) {
            return view;
        }
        if (view == null && requestedWithin(returnId, scope)) {
            return null;
        }
        throw new DomainException(ErrorKind.NOT_FOUND, "RETURN_NOT_FOUND", "no return with id " + returnId);
    }

    private boolean requestedWithin(String returnId, AccessScope scope) {
        if (events == null) {
            return false;
        }
        ReturnRequested requested = ReturnRequests.of(events, returnId);
        return requested != null && scope.permits(requested.storeId(), requested.customerId());
    }

    /** Follows every return of the scope from now on ({@link TooManySubscribersException} when the node is full). */
    public Subscription subscribeToAll(AccessScope scope, StatusListener listener) {
        reserve();
        LiveSubscriber subscriber = new LiveSubscriber(null, scope, -1, listener, delivery,
                Math.max(1, properties.maxPending()), this::remove);
        all.add(subscriber);
        return subscriber;
    }

    /** Subscriptions this node holds now. */
    public int subscribers() {
        return count.get();
    }

    private void reserve() {
        if (count.incrementAndGet() > properties.maxSubscribers()) {
            count.decrementAndGet();
            throw new TooManySubscribersException(properties.maxSubscribers());
        }
    }

    private void remove(LiveSubscriber subscriber) {
        boolean[] removed = {false};
        if (subscriber.returnId == null) {
            removed[0] = all.remove(subscriber);
        } else {
            // atomic per return, so a subscriber added meanwhile never lands in a set already dropped
            byReturn.computeIfPresent(subscriber.returnId, (id, subscribers) -> {
                removed[0] = subscribers.remove(subscriber);
                return subscribers.isEmpty() ? null : subscribers;
            });
        }
        if (removed[0]) {
            count.decrementAndGet();
        }
    }

    /**
     * Views changed: the newest announced version per return. Reads those some subscriber wants, in one query, on
     * the caller's thread (the listener's); a failed read throws, and the caller offers the same changes again.
     */
    void changed(Map<String, Long> versions) {
        boolean anyAll = !all.isEmpty();
        Map<String, Long> wanted = new HashMap<>();
        for (Map.Entry<String, Long> change : versions.entrySet()) {
            if (anyAll && change.getValue() > lastDispatched(change.getKey())) {
                wanted.put(change.getKey(), change.getValue());
                continue;
            }
            Set<LiveSubscriber> ofReturn = byReturn.get(change.getKey());
            if (ofReturn != null && ofReturn.stream().anyMatch(s -> s.wants(change.getValue()))) {
                wanted.put(change.getKey(), change.getValue());
            }
        }
        if (!wanted.isEmpty()) {
            dispatch(read(wanted));
        }
    }

    /**
     * The stored views of these returns, each at least at the version given: those this node holds in memory
     * ({@link RecentViews#held}: it wrote or read them lately and no newer one was announced), the rest in one read.
     */
    private List<ReturnStatusView> read(Map<String, Long> atLeast) {
        List<ReturnStatusView> found = new ArrayList<>(atLeast.size());
        List<String> unread = new ArrayList<>();
        atLeast.forEach((returnId, version) ->
                recent.held(returnId, version).ifPresentOrElse(found::add, () -> unread.add(returnId)));
        if (!unread.isEmpty()) {
            found.addAll(views.views(unread));
        }
        return found;
    }

    /**
     * The listener (re)connected after losing its connection at {@code lostAt}: what was announced meanwhile never
     * reached this node, so the followed returns are read again, and all-returns subscribers get the returns changed
     * since a {@code resync-window} before.
     */
    void resync(Instant lostAt) {
        List<ReturnStatusView> read = new ArrayList<>(views.views(new ArrayList<>(byReturn.keySet())));
        if (!all.isEmpty()) {
            List<ReturnStatusView> recent = new ArrayList<>(views.viewsUpdatedSince(
                    lostAt.minus(properties.resyncWindow()), Math.max(1, properties.maxPending())));
            recent.sort(Comparator.comparing(ReturnStatusView::updatedAt));
            read.addAll(recent);
        }
        dispatch(read);
    }

    private void dispatch(List<ReturnStatusView> read) {
        for (ReturnStatusView view : read) {
            Set<LiveSubscriber> ofReturn = byReturn.get(view.returnId());
            if (ofReturn != null) {
                ofReturn.forEach(subscriber -> subscriber.offer(view));
            }
            if (!all.isEmpty() && view.version() > lastDispatched(view.returnId())) {
                synchronized (dispatched) {
                    dispatched.put(view.returnId(), view.version());
                }
                for (LiveSubscriber subscriber : all) {
                    if (subscriber.scope.permits(view.storeId(), view.customerId())) {
                        subscriber.offer(view);
                    }
                }
            }
        }
    }

    private long lastDispatched(String returnId) {
        synchronized (dispatched) {
            return dispatched.getOrDefault(returnId, -1L);
        }
    }

    private void keepAlive() {
        byReturn.values().forEach(subscribers -> subscribers.forEach(LiveSubscriber::keepAlive));
        all.forEach(LiveSubscriber::keepAlive);
    }

    @Override
    public void start() {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("status-updates-heartbeat"));
        long every = Math.max(1, properties.heartbeat().toMillis());
        ticks.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        heartbeat = ticks;
    }

    /** Ends every subscription (streams complete, so a graceful shutdown need not wait for them). */
    @Override
    public void stop() {
        ScheduledExecutorService ticks = heartbeat;
        heartbeat = null;
        if (ticks != null) {
            ticks.shutdownNow();
        }
        List<LiveSubscriber> open = new ArrayList<>(all);
        byReturn.values().forEach(open::addAll);
        open.forEach(subscriber -> subscriber.end(Subscription.Ending.SHUTDOWN));
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    /** Starts before the {@link StatusChangeListener} that feeds it and stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
