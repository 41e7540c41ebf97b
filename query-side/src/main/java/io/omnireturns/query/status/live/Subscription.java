package io.omnireturns.query.status.live;

/** One listener's subscription to {@link StatusUpdates}; close it when the listener goes away. */
public interface Subscription extends AutoCloseable {

    /** Why a subscription ended. */
    enum Ending {
        /** {@link #close()} was called. */
        CLOSED,
        /** The return reached a terminal status (REJECTED, COMPLETED, CANCELLED, EXPIRED), delivered just before. */
        TERMINAL,
        /** The listener threw (a stream whose client went away). */
        FAILED,
        /** More changes waited than {@code omnireturns.status-updates.max-pending}: the subscriber should start over. */
        TOO_SLOW,
        /** The node shuts down. */
        SHUTDOWN
    }

    /** Ends the subscription; nothing is delivered after this returns, except a delivery already running. */
    @Override
    void close();

    boolean isOpen();
}
