package io.omnireturns.command.orchestration;

import io.omnireturns.command.orchestration.process.ProcessTiming;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The return process's timing and its engine's sizes, {@code omnireturns.process.*}.
 * <p>
 * The process is the one retry owner of a step's remote call: a step call is made once per attempt (the HTTP
 * adapters keep their time-outs and circuit breakers but do not retry it, {@code ConnectorHttp#callOnce}), so
 * {@code stepMaxAttempts} is the most calls a step makes before the return goes ON_HOLD.
 *
 * @param stepMaxAttempts       attempts of a step before the return goes ON_HOLD in the exception queue (each
 *                              attempt is one remote call)
 * @param stepRetryBackoff      wait before the second attempt; doubles per attempt up to {@code stepRetryMaxBackoff}
 * @param stepRetryMaxBackoff   the longest wait between attempts
 * @param lease                 how long a step in flight may go without an outcome before any node's sweeper takes it
 *                              over (a new attempt, same idempotency key); the node making a call renews the lease of
 *                              its slow calls every lease/3, so only a dead node's calls are taken over
 * @param sweepInterval         how often each node's sweeper looks for processes with something due
 * @param recheck               after the sweeper acted on a process, how long it waits for the process's events to
 *                              answer before it looks at that process again
 * @param sweepBatch            the most processes one sweep takes
 * @param receiptExpiry         how long a mail-back return waits for its parcel before it expires
 * @param settlementSla         how long a refund may stay unsettled before operations are asked to look
 * @param callThreads           threads making remote calls (calls wait on the network, not the CPU): each call in
 *                              flight holds one, so with 200 ms systems 13 returns/s need about 30 (BENCHMARKS.md)
 * @param decisionTimeout       a return still REQUESTED by then (its request crashed before eligibility was decided)
 *                              is decided by the process, or put ON_HOLD when that fails
 * @param cacheSize             processes kept in memory by the node owning their segment (0: none)
 */
@ConfigurationProperties(prefix = "omnireturns.process")
public record ProcessProperties(
        @DefaultValue("5") int stepMaxAttempts,
        @DefaultValue("2s") Duration stepRetryBackoff,
        @DefaultValue("5m") Duration stepRetryMaxBackoff,
        @DefaultValue("10s") Duration lease,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("30s") Duration recheck,
        @DefaultValue("100") int sweepBatch,
        @DefaultValue("30d") Duration receiptExpiry,
        @DefaultValue("5d") Duration settlementSla,
        @DefaultValue("64") int callThreads,
        @DefaultValue("5m") Duration decisionTimeout,
        @DefaultValue("10000") int cacheSize) {

    /** The settings the process itself reads. */
    public ProcessTiming timing() {
        return new ProcessTiming(stepMaxAttempts, stepRetryBackoff, stepRetryMaxBackoff, lease, receiptExpiry,
                settlementSla, decisionTimeout);
    }

    public Duration backoffBefore(int nextAttempt) {
        return timing().backoffBefore(nextAttempt);
    }

    /** The defaults, for tests and tools that build the engine by hand. */
    public static ProcessProperties defaults() {
        return new ProcessProperties(5, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 100, Duration.ofDays(30), Duration.ofDays(5), 64,
                Duration.ofMinutes(5), 10_000);
    }
}
