package io.omnireturns.query.status.live;

import io.omnireturns.api.query.ReturnStatusView;

/**
 * Receives live status views from {@link StatusUpdates}. Called on one of the node's few delivery threads, one call at
 * a time per subscription and in version order: keep each call short (render, write, return) and never block on
 * another subscription. An exception thrown here closes the subscription.
 */
public interface StatusListener {

    /** A newer view of a return the subscription covers. */
    void onUpdate(ReturnStatusView view);

    /**
     * Nothing happened for a heartbeat interval ({@code omnireturns.status-updates.heartbeat}): a stream writes a
     * comment so proxies keep the connection and a gone client is noticed (its write fails: throw).
     */
    default void onKeepAlive() {
    }

    /**
     * The subscription ended: {@link Subscription#close()} was called, a return's view reached a terminal status, the
     * listener threw, it fell too far behind, or the node stops. Called once, after the last {@link #onUpdate}.
     */
    default void onClose(Subscription.Ending ending) {
    }
}
