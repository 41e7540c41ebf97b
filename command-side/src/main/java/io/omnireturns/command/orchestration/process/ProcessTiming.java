package io.omnireturns.command.orchestration.process;

import java.time.Duration;

/**
 * The process's clock settings, as plain values (the engine maps {@code omnireturns.process.*} onto them).
 *
 * @param stepMaxAttempts  attempts of a step before the return goes ON_HOLD in the exception queue
 * @param firstBackoff     wait before the second attempt; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff       the longest wait between attempts
 * @param lease            how long a step in flight may go without an outcome (or the executing node renewing it)
 *                         before another node takes it over; a live node renews the leases of its slow calls
 * @param receiptExpiry    how long a mail-back return waits for its parcel
 * @param settlementSla    how long a refund may stay unsettled before operations are asked to look
 * @param decisionTimeout  a return still REQUESTED by then is decided by the process
 */
public record ProcessTiming(int stepMaxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease,
                            Duration receiptExpiry, Duration settlementSla, Duration decisionTimeout) {

    /** The wait before attempt {@code nextAttempt} (2 and up). */
    public Duration backoffBefore(int nextAttempt) {
        Duration wait = firstBackoff;
        for (int i = 2; i < nextAttempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
