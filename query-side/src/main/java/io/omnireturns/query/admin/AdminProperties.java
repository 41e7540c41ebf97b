package io.omnireturns.query.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Operations' settings for processors and view verification.
 *
 * @param replayableProcessors      the processors a replay may rebuild: projections whose handlers only write
 *                                  their own view. Never a saga or a handler that sends commands or calls other
 *                                  systems: a replay would do all of that again.
 * @param replayShutdownTimeout     how long a replay waits for the processor to stop on this instance
 * @param verificationWindow        global indexes scanned per statement while looking for the returns to verify
 * @param verificationBatchSize     returns rebuilt and compared together (their events and live rows are read in
 *                                  one statement each)
 * @param verificationMaxDifferences differing returns listed in one answer (all are counted)
 * @param verificationCatchUpWait   how long a verification waits for the view to reach the head of the store
 * @param rebuildGapMargin          global indexes a rebuild's catch-up pass looks back before the last head it
 *                                  covered, for events committed after later ones (Axon's own gap tracking default)
 * @param rebuildCatchUpTarget      a catch-up pass that rebuilt at most this many returns ends the catching up
 * @param rebuildMaxCatchUpPasses   most catch-up passes before the rebuild verifies and swaps anyway (the swap's
 *                                  own pass takes the rest)
 * @param rebuildSwapLockTimeout    how long the swap waits for its lock on the live table (reads queue meanwhile)
 * @param rebuildSwapAttempts       how often the swap tries to take that lock before the rebuild fails
 */
@ConfigurationProperties("omnireturns.admin")
public record AdminProperties(
        @DefaultValue({"return-status", "exception-queue", "finance-ledger", "kpi", "returns-analytics"}) List<String> replayableProcessors,
        @DefaultValue("30s") Duration replayShutdownTimeout,
        @DefaultValue("10000") int verificationWindow,
        @DefaultValue("200") int verificationBatchSize,
        @DefaultValue("100") int verificationMaxDifferences,
        @DefaultValue("10s") Duration verificationCatchUpWait,
        @DefaultValue("10000") long rebuildGapMargin,
        @DefaultValue("100") int rebuildCatchUpTarget,
        @DefaultValue("10") int rebuildMaxCatchUpPasses,
        @DefaultValue("2s") Duration rebuildSwapLockTimeout,
        @DefaultValue("5") int rebuildSwapAttempts) {

    public AdminProperties {
        replayableProcessors = List.copyOf(replayableProcessors);
        if (verificationWindow < 1 || verificationBatchSize < 1 || verificationMaxDifferences < 0) {
            throw new IllegalArgumentException("omnireturns.admin verification sizes must be positive");
        }
        if (rebuildGapMargin < 0 || rebuildCatchUpTarget < 0 || rebuildMaxCatchUpPasses < 1
                || rebuildSwapAttempts < 1) {
            throw new IllegalArgumentException("omnireturns.admin rebuild settings out of range");
        }
    }
}
