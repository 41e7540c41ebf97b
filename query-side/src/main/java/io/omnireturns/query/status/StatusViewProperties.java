package io.omnireturns.query.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the status view is written ({@code omnireturns.status-view.*}).
 *
 * @param replayBatchWrites     during a replay, keep a batch's views in memory and write each changed return once
 *                              when the batch commits, instead of a read, a write and a savepoint per event
 * @param liveBatchWrites       the same for live events; unset, it follows {@code omnireturns.engine.optimised} (on by
 *                              default): under load a batch often holds several events of one return, read and
 *                              written once. Subscribers still get every version (kept in memory while a return has
 *                              one). The cost: a state the batch passes through is never written, so the database
 *                              cannot refuse it (only the batch's last state is checked)
 * @param perEventAfterFailure  after a batch write failed, write event by event for this long, so an event the
 *                              database refuses is dead-lettered instead of failing its batch again and again
 * @param measureReplayedEvents whether Axon's per-event metrics ({@code eventProcessor_*}) also count replayed
 *                              events; they cost about as much as the replay's own work, so they are off
 */
@ConfigurationProperties("omnireturns.status-view")
public record StatusViewProperties(@DefaultValue("true") boolean replayBatchWrites,
                                   Boolean liveBatchWrites,
                                   @DefaultValue("1m") Duration perEventAfterFailure,
                                   @DefaultValue("false") boolean measureReplayedEvents) {

    /** Whether live events are written with their batch: as set, else as the engine's optimisations are. */
    public boolean liveBatchWrites(boolean engineOptimised) {
        return liveBatchWrites == null ? engineOptimised : liveBatchWrites;
    }
}
