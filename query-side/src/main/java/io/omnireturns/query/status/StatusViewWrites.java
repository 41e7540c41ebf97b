package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;

import java.util.Collection;

/**
 * Told of this node's writes of status views inside the writing transaction, before it commits, whether the events
 * were live or replayed: a reader that keeps views in memory ({@code status.live.RecentViews}) stops answering the
 * old ones at once, where other nodes learn of the change from its notification after the commit. What it answers is
 * run once the transaction has committed (never when it rolls back): the rows now hold these views, so the reader
 * may keep them without reading them back.
 */
public interface StatusViewWrites {

    /** Nothing to do after the commit. */
    Runnable NOTHING = () -> {
    };

    /**
     * These views are being written; {@code live} when written for live events (a replay rebuilds views and changes
     * no return). Answers what to run once the write has committed.
     */
    Runnable written(Collection<ReturnStatusView> views, boolean live);

    /** Every view is being deleted (a reset before a replay). */
    void cleared();
}
