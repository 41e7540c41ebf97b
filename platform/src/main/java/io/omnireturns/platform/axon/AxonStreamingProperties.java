package io.omnireturns.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How streaming processors learn of new events, {@code omnireturns.axon.commit-notification.*}. Processors use it
 * with {@code axon.eventhandling.processors.<name>.source=commitNotifyingEventSource}.
 *
 * @param enabled          tell processors of this node's commits at once (else they look every 500 ms when idle)
 * @param commitWait       how long a processor told of a commit waits for the store's reader to have the events
 * @param fallbackInterval how often processors look anyway, for events other nodes append
 * @param linger           how long after a commit the event store's reader and the processors wait before they look
 *                         (commits meanwhile ride along), so batches grow with the backlog instead of holding one or
 *                         two events each; only with {@code omnireturns.engine.optimised} (else zero, the old
 *                         behaviour). It is added to every hop of an idle process.
 * @param viewLinger       the same for the processors of the views (sources named
 *                         {@code viewEventSource}): they are no hop of a return's process, only what a client sees,
 *                         so they can wait longer and take many returns' events in one batch (one transaction and one
 *                         token write per segment instead of one per commit)
 * @param reportLinger     the same for the processors of the reports (sources named {@code reportEventSource}: the
 *                         KPI base and the finance ledger), which no client waits for event by event: longer still,
 *                         so that under load a return's events of a second are booked in one batch (one row write per
 *                         return, one transaction and token write for all returns) instead of one per view batch.
 *                         Their fall-back look for other nodes' events is no more often than this either
 * @param rereadWindow     for this long after a read of the event store came back short, a read from where it ended
 *                         is answered "nothing" without the database unless this node committed events since
 *                         ({@link CommitAwareEventStorageEngine}); only with {@code omnireturns.engine.optimised}.
 *                         Other nodes' events wait at most this long more to be read
 */
@ConfigurationProperties(prefix = "omnireturns.axon.commit-notification")
public record AxonStreamingProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("20ms") Duration commitWait,
                                      @DefaultValue("500ms") Duration fallbackInterval,
                                      @DefaultValue("30ms") Duration linger,
                                      @DefaultValue("250ms") Duration viewLinger,
                                      @DefaultValue("1s") Duration reportLinger,
                                      @DefaultValue("200ms") Duration rereadWindow) {
}
