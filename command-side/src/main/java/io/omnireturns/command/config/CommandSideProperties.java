package io.omnireturns.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Command side tuning.
 *
 * @param snapshotThreshold          events after which an aggregate is snapshotted
 * @param conflictRetries            how often a command that lost a race on the same aggregate is retried
 * @param conflictRetryInterval      pause between those retries
 * @param idempotencyWait            how long a duplicate request waits for the first one to answer
 * @param idempotencyTakeoverAfter   after this, an unanswered first request is presumed dead and its key taken over
 * @param idempotencyRetention       an answered Idempotency-Key is forgotten this long after its answer (unanswered
 *                                   claims never are)
 * @param idempotencyPurgeInterval   pause between two purges of forgotten keys (one node purges: a db-scheduler task)
 * @param aggregateCache             whether loaded returns and order ledgers stay in memory between commands; unset,
 *                                   on (every hit is checked against the store, so several command-side instances may
 *                                   share one database)
 */
@ConfigurationProperties(prefix = "omnireturns.command")
public record CommandSideProperties(
        @DefaultValue("50") int snapshotThreshold,
        @DefaultValue("5") int conflictRetries,
        @DefaultValue("25ms") Duration conflictRetryInterval,
        @DefaultValue("10s") Duration idempotencyWait,
        @DefaultValue("30s") Duration idempotencyTakeoverAfter,
        @DefaultValue("30d") Duration idempotencyRetention,
        @DefaultValue("1h") Duration idempotencyPurgeInterval,
        AggregateCache aggregateCache) {

    public CommandSideProperties {
        if (idempotencyRetention.compareTo(idempotencyTakeoverAfter) <= 0) {
            throw new IllegalArgumentException(
                    "omnireturns.command.idempotency-retention must be longer than idempotency-takeover-after");
        }
        if (idempotencyPurgeInterval.isNegative() || idempotencyPurgeInterval.isZero()) {
            throw new IllegalArgumentException("omnireturns.command.idempotency-purge-interval must be positive");
        }
    }

    /** The cache to use: the configured one, else {@code WEAK_REFERENCE}. */
    public AggregateCache aggregateCacheOrDefault() {
        return aggregateCache != null ? aggregateCache : AggregateCache.WEAK_REFERENCE;
    }

    /** How aggregates are kept between commands. */
    public enum AggregateCache {
        /**
         * Each aggregate stays in memory while anything refers to it or until the garbage collector needs the room;
         * a command then starts from it instead of reading and applying all the aggregate's events again, once one
         * look-up of the aggregate's last sequence number has shown that no other process appended meanwhile.
         */
        WEAK_REFERENCE,
        /** Every command reads the aggregate's events (from its latest snapshot) again. */
        NONE
    }
}
