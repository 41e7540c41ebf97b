package io.omnireturns.query.status.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Live status updates ({@code omnireturns.status-updates.*}): the node's listener and its subscribers.
 *
 * @param maxSubscribers   subscriptions one node holds at most (streams and in-process listeners together); one more
 *                         is refused ({@code 503 TOO_MANY_SUBSCRIBERS})
 * @param streamTimeout    an event stream is closed after this long (the client reconnects with
 *                         {@code Last-Event-ID} and misses nothing); it bounds what a forgotten client holds
 * @param heartbeat        how often an idle stream gets a comment line, so proxies keep it open and a gone client is
 *                         noticed
 * @param deliveryThreads  threads that write updates to the subscribers of this node (never one per subscriber)
 * @param maxPending       changes waiting for one all-returns subscriber at most; a subscriber that falls further
 *                         behind is closed (it reconnects and reads the list again)
 * @param reconnectMin     the listener's first wait after its connection broke; doubled per failure up to
 *                         {@code reconnectMax}, cut short when the outage probe finds the database back
 * @param reconnectMax     the longest wait between two connection attempts of the listener
 * @param validateEvery    an idle listener checks its connection this often (a silent network is noticed)
 * @param resyncWindow     after the listener reconnected, all-returns subscribers get again the returns changed by
 *                         events at most this long before the connection broke (at least the views' lag)
 * @param viewCacheEntries status views a node keeps in memory for {@code GET /api/v1/returns/{id}} until a
 *                         notification says they changed ({@link RecentViews}); 0 turns the cache off
 * @param viewCacheMaxAge  a kept view is read again after this long even without a notification (a replay rebuilds
 *                         views silently)
 */
@ConfigurationProperties("omnireturns.status-updates")
public record StatusUpdatesProperties(@DefaultValue("1000") int maxSubscribers,
                                      @DefaultValue("30m") Duration streamTimeout,
                                      @DefaultValue("15s") Duration heartbeat,
                                      @DefaultValue("2") int deliveryThreads,
                                      @DefaultValue("10000") int maxPending,
                                      @DefaultValue("500ms") Duration reconnectMin,
                                      @DefaultValue("30s") Duration reconnectMax,
                                      @DefaultValue("15s") Duration validateEvery,
                                      @DefaultValue("1m") Duration resyncWindow,
                                      @DefaultValue("2000") int viewCacheEntries,
                                      @DefaultValue("10s") Duration viewCacheMaxAge) {
}
