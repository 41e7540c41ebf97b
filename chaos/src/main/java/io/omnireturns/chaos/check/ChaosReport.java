package io.omnireturns.chaos.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the run found. {@link #failures()} lists every invariant that does not hold; {@link #summary()} is the
 * one-line summary printed last.
 *
 * @param returns          returns in the event store (each {@code ReturnRequested})
 * @param stuck            returns neither COMPLETED nor ON_HOLD with a reason, by status
 * @param lost             returns the driver started but could not create (no return id after all retries)
 * @param doubleRefunds    returns paid more than once at the gateway or with more than one RefundIssued
 * @param doublePostings   returns with more than one credit memo, stock movement per line or replacement order
 *                         (ERP / order system books or events)
 * @param refundMismatch   returns whose gateway refunds and RefundIssued events differ in number
 * @param postingMismatch  returns whose ERP credit memos and CreditMemoPosted events differ in number
 * @param missing          COMPLETED returns without their refund (not exchanges), credit memo or replacement order
 * @param gatewayTotal     sum of the gateway's refunds, per currency, minor units
 * @param ledgerTotal      sum of the finance ledger's REFUND bookings, per currency, minor units
 * @param viewEqualsReplay the admin verification's answer (null: it could not be asked)
 * @param serverErrors     5xx answers other than 503 DATABASE_UNAVAILABLE, by status, code, method, path
 * @param unavailable      503 DATABASE_UNAVAILABLE answers (expected during the outage)
 * @param paidWhileHeld    returns found ON_HOLD (refund failed) although the gateway had paid them, before the
 *                         open exceptions were retried: a finding, not a failure, when the retry heals them
 * @param holdsRetried     open exceptions the harness retried as operations would, once the faults were gone
 * @param takeover         the steps of the killed node (null: no node was killed); a step never completed is
 *                         reported, not failed: its return is stuck (a failure of its own) unless the process
 *                         no longer needed it (e.g. a milestone notification of a return completed meanwhile)
 * @param expectedReturns  returns the driver was to play: fewer in the event store is a failure (a return the
 *                         driver never started, or could not create, is lost)
 * @param returnsCompared  returns the status view verification compared (-1: it could not be asked); it must
 *                         compare every return
 * @param faultsNotPlayed  faults of the settings that did not happen as planned (a schedule that failed, a kill with
 *                         no step in flight, an outage after the load or met by no request): each fails the run
 * @param slow             hangs, by kind and path: no answer within the request timeout from a node that took the
 *                         request, or an answer slower than 3 s while PostgreSQL was down
 * @param zeroRefunds      COMPLETED returns whose approved refund was zero (rejected whole at inspection): checked
 *                         by {@code missing} to have no refund and no credit memo
 * @param seed             the sandbox systems' fault seed ({@code --seed=} repeats the connector failures)
 */
public record ChaosReport(int returns, int completed, int onHold, Map<String, Integer> stuck, int lost,
                          List<String> doubleRefunds, List<String> doublePostings, List<String> refundMismatch,
                          List<String> postingMismatch, List<String> missing, Map<String, Long> gatewayTotal,
                          Map<String, Long> ledgerTotal, Boolean viewEqualsReplay, Map<String, Long> serverErrors,
                          long unavailable, long unreachable, long requests, StepTakeover.Result takeover,
                          List<String> paidWhileHeld, int holdsRetried, Double maxTakeoverTargetSeconds,
                          double durationSeconds, int expectedReturns, long returnsCompared,
                          List<String> faultsNotPlayed, Map<String, Long> slow, int zeroRefunds,
                          long seed) {

    public int stuckCount() {
        return stuck.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long slowCount() {
        return slow.values().stream().mapToLong(Long::longValue).sum();
    }

    public long serverErrorCount() {
        return serverErrors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every invariant that does not hold, in words; empty when the run passed. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (stuckCount() > 0) {
            failures.add("stuck returns (neither COMPLETED nor ON_HOLD with a reason): " + stuck);
        }
        if (lost > 0) {
            failures.add(lost + " returns could not be created through any node");
        }
        if (returns != expectedReturns) {
            failures.add(returns + " returns in the event store, the driver was to play " + expectedReturns
                    + " (a return it never started or could not create is lost)");
        }
        if (completed == 0) {
            failures.add("no return COMPLETED: the run proves nothing");
        }
        if (gatewayTotal.values().stream().mapToLong(Long::longValue).sum() == 0) {
            failures.add("the gateway paid nothing: the run proves nothing about refunds");
        }
        faultsNotPlayed.forEach(fault -> failures.add("fault not played out: " + fault));
        if (returnsCompared != returns) {
            failures.add("the status view verification compared " + returnsCompared + " returns of " + returns);
        }
        addIfAny(failures, "paid twice (gateway or events)", doubleRefunds);
        addIfAny(failures, "posted twice (ERP, order system or events)", doublePostings);
        addIfAny(failures, "gateway refunds and RefundIssued events differ", refundMismatch);
        addIfAny(failures, "ERP credit memos and CreditMemoPosted events differ", postingMismatch);
        addIfAny(failures, "COMPLETED without its refund, credit memo or replacement order", missing);
        if (!gatewayTotal.equals(ledgerTotal)) {
            failures.add("gateway total " + gatewayTotal + " differs from the finance ledger's " + ledgerTotal);
        }
        if (!Boolean.TRUE.equals(viewEqualsReplay)) {
            failures.add("the status view does not equal a replay (verification answered "
                    + viewEqualsReplay + ")");
        }
        if (serverErrorCount() > 0) {
            failures.add(serverErrorCount() + " HTTP 5xx answers other than 503 DATABASE_UNAVAILABLE: "
                    + serverErrors);
        }
        if (slowCount() > 0) {
            failures.add(slowCount() + " requests hung (no answer in time, or slow during the outage): " + slow);
        }
        if (takeover != null && maxTakeoverTargetSeconds != null
                && takeover.maxSeconds() > maxTakeoverTargetSeconds) {
            failures.add("step take-over took " + takeover.maxSeconds() + " s, the target is "
                    + maxTakeoverTargetSeconds + " s");
        }
        return failures;
    }

    private static void addIfAny(List<String> failures, String what, List<String> returnIds) {
        if (!returnIds.isEmpty()) {
            failures.add(what + ": " + returnIds.size() + " returns, e.g. "
                    + returnIds.subList(0, Math.min(5, returnIds.size())));
        }
    }

    /** The last line: the fields first, then the extra ones. */
    public String summary() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("returns", returns);
        fields.put("completed", completed);
        fields.put("on_hold", onHold);
        fields.put("stuck", stuckCount());
        fields.put("double_refunds", doubleRefunds.size());
        fields.put("double_postings", doublePostings.size());
        fields.put("gateway_total", money(gatewayTotal));
        fields.put("ledger_total", money(ledgerTotal));
        fields.put("max_step_takeover_s", takeover == null ? "n/a" : String.format("%.1f", takeover.maxSeconds()));
        fields.put("5xx", serverErrorCount());
        fields.put("unavailable", unavailable);
        fields.put("slow", slowCount());
        fields.put("lost", lost);
        fields.put("refund_mismatch", refundMismatch.size());
        fields.put("posting_mismatch", postingMismatch.size());
        fields.put("missing", missing.size());
        fields.put("zero_refunds", zeroRefunds);
        fields.put("view_equals_replay", viewEqualsReplay == null ? "unknown" : viewEqualsReplay);
        fields.put("view_compared", returnsCompared);
        fields.put("steps_in_flight_at_kill", takeover == null ? "n/a" : takeover.inFlight());
        fields.put("steps_not_taken_over", takeover == null ? "n/a" : takeover.notTakenOver().size());
        fields.put("max_step_completed_after_kill_s",
                takeover == null ? "n/a" : String.format("%.1f", takeover.maxCompletedSeconds()));
        fields.put("paid_while_held", paidWhileHeld.size());
        fields.put("holds_retried", holdsRetried);
        fields.put("unreachable", unreachable);
        fields.put("requests", requests);
        fields.put("duration_s", Math.round(durationSeconds));
        fields.put("seed", seed);
        fields.put("verdict", failures().isEmpty() ? "PASS" : "FAIL");
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** {@code 1234.56} for one currency (the demo orders are all in one), {@code EUR:1234.56,USD:…} for more. */
    static String money(Map<String, Long> totals) {
        if (totals.isEmpty()) {
            return "0.00";
        }
        if (totals.size() == 1) {
            return decimal(totals.values().iterator().next());
        }
        return totals.entrySet().stream().map(e -> e.getKey() + ":" + decimal(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static String decimal(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
