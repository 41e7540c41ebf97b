package io.omnireturns.query.status;

import java.util.Map;

/**
 * Told of this node's writes of status views inside the writing transaction, before it commits, whether the events
 * were live or replayed: a reader that keeps views in memory ({@code status.live.RecentViews}) stops answering the
 * old ones at once, where other nodes learn of the change from its notification after the commit.
 */
public interface StatusViewWrites {

    /** These returns' views are being written, at these versions. */
    void written(Map<String, Long> versions);

    /** Every view is being deleted (a reset before a replay). */
    void cleared();
}
