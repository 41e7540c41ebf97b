package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;

import java.util.Collection;

/**
 * Told of this node's writes of status views inside the writing transaction, before it commits, whether the events
 * were live or replayed: a reader that keeps views in memory ({@code status.live.RecentViews}) stops answering the
 * old ones at once, where other nodes learn of the change from its notification after the commit. What it answers is
 * told how the transaction ended: once it has committed, the rows hold these views, so the reader may keep them
 * without reading them back.
 */
public interface StatusViewWrites {

    /** How a write's transaction ended. */
    @FunctionalInterface
    interface Completion {

        /** Nothing to do. */
        Completion NOTHING = committed -> {
        };

        /** The writing transaction ended: committed, or rolled back. */
        void completed(boolean committed);
    }

    /**
     * These views are being written. {@code keepable} when, once the transaction commits, the rows surely hold them:
     * live events written in the processor's transaction itself (not in a savepoint that may roll back on its own,
     * not rebuilt by a replay). Answers what to tell when the transaction ends.
     */
    Completion written(Collection<ReturnStatusView> views, boolean keepable);

    /** Every view is being deleted (a reset before a replay). */
    void cleared();
}
