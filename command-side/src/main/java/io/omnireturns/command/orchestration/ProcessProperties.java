package io.omnireturns.command.orchestration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The return process's timing, {@code omnireturns.process.*}.
 *
 * @param stepMaxAttempts       attempts of a step (each with the adapter's own quick retries) before the
 *                              return goes ON_HOLD in the exception queue
 * @param stepRetryBackoff      wait before the second attempt; doubles per attempt up to {@code stepRetryMaxBackoff}
 * @param stepTimeout           a step without an answer by then is tried again (covers a crash mid-call)
 * @param receiptExpiry         how long a mail-back return waits for its parcel before it expires
 * @param settlementSla         how long a refund may stay unsettled before operations are asked to look
 * @param callThreads           threads making remote calls (calls wait on the network, not the CPU): each call in
 *                              flight holds one, so with 200 ms systems 13 returns/s need about 30 (BENCHMARKS.md)
 * @param decisionTimeout       a return still REQUESTED by then (its request crashed before eligibility was decided)
 *                              is decided by the process, or put ON_HOLD when that fails
 */
@ConfigurationProperties(prefix = "omnireturns.process")
public record ProcessProperties(
        @DefaultValue("5") int stepMaxAttempts,
        @DefaultValue("2s") Duration stepRetryBackoff,
        @DefaultValue("5m") Duration stepRetryMaxBackoff,
        @DefaultValue("2m") Duration stepTimeout,
        @DefaultValue("30d") Duration receiptExpiry,
        @DefaultValue("5d") Duration settlementSla,
        @DefaultValue("64") int callThreads,
        @DefaultValue("5m") Duration decisionTimeout) {

    public Duration backoffBefore(int nextAttempt) {
        Duration wait = stepRetryBackoff;
        for (int i = 2; i < nextAttempt && wait.compareTo(stepRetryMaxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(stepRetryMaxBackoff) > 0 ? stepRetryMaxBackoff : wait;
    }
}
