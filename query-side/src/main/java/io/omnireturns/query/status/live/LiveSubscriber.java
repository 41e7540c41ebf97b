package io.omnireturns.query.status.live;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One subscription: a mailbox of the views waiting for its listener, drained on a delivery thread by one task at a
 * time (so calls to the listener never overlap and keep their order), without a thread of its own. A return's
 * subscriber keeps only the newest waiting view and never delivers a version at or below one it delivered; an
 * all-returns subscriber keeps the newest view per return, at most {@code maxPending} returns.
 */
final class LiveSubscriber implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscriber.class);

    /** The one return followed, or null for every return in the scope. */
    final String returnId;
    final AccessScope scope;
    private final StatusListener listener;
    private final Executor delivery;
    private final int maxPending;
    private final Consumer<LiveSubscriber> onEnd;

    // guarded by this
    private final Map<String, ReturnStatusView> pending = new LinkedHashMap<>();
    private boolean keepAlive;
    private boolean scheduled;
    private Ending ending;
    private long deliveredVersion;
    private boolean closeDelivered;

    LiveSubscriber(String returnId, AccessScope scope, long afterVersion, StatusListener listener, Executor delivery,
                   int maxPending, Consumer<LiveSubscriber> onEnd) {
        this.returnId = returnId;
        this.scope = scope;
        this.deliveredVersion = afterVersion;
        this.listener = listener;
        this.delivery = delivery;
        this.maxPending = maxPending;
        this.onEnd = onEnd;
    }

    /** Whether this subscriber would take a view of this version of the return (a reason to read it). */
    synchronized boolean wants(long version) {
        if (ending != null) {
            return false;
        }
        if (returnId == null) {
            return true;
        }
        ReturnStatusView waiting = pending.get(returnId);
        return version > Math.max(deliveredVersion, waiting == null ? -1 : waiting.version());
    }

    /** Queues a view for delivery; an older or equal version than one queued or delivered is dropped. */
    void offer(ReturnStatusView view) {
        synchronized (this) {
            if (ending != null || (returnId != null && view.version() <= deliveredVersion)) {
                return;
            }
            ReturnStatusView waiting = pending.get(view.returnId());
            if (waiting != null && waiting.version() >= view.version()) {
                return;
            }
            if (waiting == null && pending.size() >= maxPending) {
                end(Ending.TOO_SLOW);
            } else {
                pending.put(view.returnId(), view);
            }
        }
        schedule();
    }

    void keepAlive() {
        synchronized (this) {
            if (ending != null) {
                return;
            }
            keepAlive = true;
        }
        schedule();
    }

    @Override
    public void close() {
        end(Ending.CLOSED);
    }

    /** Ends the subscription; the listener hears it on a delivery thread (at once if there is none any more). */
    void end(Ending why) {
        synchronized (this) {
            if (ending != null) {
                return;
            }
            ending = why;
            pending.clear();
        }
        onEnd.accept(this);
        schedule();
    }

    @Override
    public synchronized boolean isOpen() {
        return ending == null;
    }

    private void schedule() {
        synchronized (this) {
            if (scheduled || closeDelivered) {
                return;
            }
            scheduled = true;
        }
        try {
            delivery.execute(this::drain);
        } catch (RejectedExecutionException stopped) {
            synchronized (this) {
                scheduled = false;
            }
            drain(); // the node stops: the listener still hears the end
        }
    }

    private void drain() {
        while (true) {
            List<ReturnStatusView> views;
            boolean ping;
            Ending ended;
            synchronized (this) {
                views = new ArrayList<>(pending.values());
                pending.clear();
                ping = keepAlive;
                keepAlive = false;
                ended = ending;
                if (views.isEmpty() && !ping && (ended == null || closeDelivered)) {
                    scheduled = false;
                    return;
                }
            }
            if (ended == null) {
                deliver(views, ping);
            } else {
                synchronized (this) {
                    if (closeDelivered) {
                        continue;
                    }
                    closeDelivered = true;
                }
                try {
                    listener.onClose(ended);
                } catch (RuntimeException e) {
                    log.debug("A status listener failed on close", e);
                }
            }
        }
    }

    private void deliver(List<ReturnStatusView> views, boolean ping) {
        try {
            boolean delivered = false;
            for (ReturnStatusView view : views) {
                synchronized (this) {
                    if (ending != null || (returnId != null && view.version() <= deliveredVersion)) {
                        continue;
                    }
                    if (returnId != null) {
                        deliveredVersion = view.version();
                    }
                }
                listener.onUpdate(view);
                delivered = true;
                if (returnId != null && view.status().isTerminal()) {
                    end(Ending.TERMINAL);
                    return;
                }
            }
            if (ping && !delivered) {
                listener.onKeepAlive();
            }
        } catch (RuntimeException e) {
            log.debug("A status listener failed; its subscription ends", e);
            end(Ending.FAILED);
        }
    }
}
