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
 */
@ConfigurationProperties(prefix = "omnireturns.command")
public record CommandSideProperties(
        @DefaultValue("50") int snapshotThreshold,
        @DefaultValue("5") int conflictRetries,
        @DefaultValue("25ms") Duration conflictRetryInterval,
        @DefaultValue("10s") Duration idempotencyWait,
        @DefaultValue("30s") Duration idempotencyTakeoverAfter) {
}
