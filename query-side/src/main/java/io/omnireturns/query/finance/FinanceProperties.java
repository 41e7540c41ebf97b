package io.omnireturns.query.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The finance ledger's settings ({@code omnireturns.finance.*}).
 *
 * @param timeZone       accounting periods are calendar months in this zone
 * @param settlementDays a refund still unsettled this many 24-hour days after it was issued is a discrepancy
 * @param replayBatchWrites    during a replay, keep a batch's bookings and return states in memory and write them
 *                             when the batch commits, instead of reads, writes and a savepoint per event
 * @param liveBatchWrites      the same for live events; unset, it follows {@code omnireturns.engine.optimised} (on by
 *                             default): a return's state is then read and written once per batch, its bookings
 *                             inserted in one JDBC batch, instead of a savepoint, a read and writes per event
 * @param perEventAfterFailure after a batch write failed, book event by event for this long, so an event the
 *                             database refuses is dead-lettered instead of failing its batch again and again
 * @param measureReplayedEvents whether Axon's per-event metrics ({@code eventProcessor_*}) also count replayed
 *                              events; they cost about as much as the replay's own work, so they are off
 */
@ConfigurationProperties("omnireturns.finance")
public record FinanceProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("3") int settlementDays,
                                @DefaultValue("true") boolean replayBatchWrites,
                                Boolean liveBatchWrites,
                                @DefaultValue("1m") Duration perEventAfterFailure,
                                @DefaultValue("false") boolean measureReplayedEvents) {

    public FinanceProperties {
        if (settlementDays < 0) {
            throw new IllegalArgumentException("omnireturns.finance.settlement-days must not be negative");
        }
    }

    /** Whether live events are booked with their batch: as set, else as the engine's optimisations are. */
    public boolean liveBatchWrites(boolean engineOptimised) {
        return liveBatchWrites == null ? engineOptimised : liveBatchWrites;
    }

    public Duration settlementTime() {
        return Duration.ofDays(settlementDays);
    }
}
