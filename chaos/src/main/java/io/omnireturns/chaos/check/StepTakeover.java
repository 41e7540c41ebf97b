package io.omnireturns.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How long the steps a killed node had in flight waited for another node. A step was in flight when the killed
 * node had called its system (the sandbox systems' call log: caller, idempotency key) within {@code window} before
 * the kill and the event that records the step's result is not older than the kill.
 * <p>
 * Its take-over time is from the kill to the first call another node made for it (same idempotency key): that is
 * when the survivors had the step. A step completed without any such call (its outcome came another way, or it was
 * no longer needed) counts from the kill to the event recording it. Its completion time, from the kill to that
 * event, is reported beside it: it adds the step's own attempts after the take-over (a system that refuses the
 * first call is called again after the process's back-off), which is the system's doing, not the hand-over's.
 * A step whose event never came is reported apart ({@code notTakenOver}).
 */
public final class StepTakeover {

    /**
     * The outcome: steps in flight at the kill, the longest wait for another node to take one over, the longest wait
     * for one to complete, and those never completed.
     */
    public record Result(int inFlight, double maxSeconds, double maxCompletedSeconds, List<String> notTakenOver) {
    }

    private StepTakeover() {
    }

    public static Result measure(JsonNode calls, String killedNode, Instant killedAt, Duration window,
                                 StoredEvents events) {
        Set<String> stepKeys = new LinkedHashSet<>();
        Map<String, Long> firstCallElsewhere = new HashMap<>();
        long from = killedAt.minus(window).toEpochMilli();
        long kill = killedAt.toEpochMilli();
        for (JsonNode call : calls) {
            long at = call.path("atMillis").asLong();
            String key = stepKey(call);
            if (key == null) {
                continue;
            }
            if (killedNode.equals(call.path("caller").asText())) {
                if (at >= from && at <= kill) {
                    stepKeys.add(key);
                }
            } else if (at > kill) {
                firstCallElsewhere.merge(key, at, Math::min);
            }
        }
        Map<String, Instant> completions = completions(events);
        double max = 0;
        double maxCompleted = 0;
        int inFlight = 0;
        List<String> missing = new java.util.ArrayList<>();
        for (String key : stepKeys) {
            Optional<Instant> done = Optional.ofNullable(completions.get(key));
            if (done.isPresent() && done.get().isBefore(killedAt)) {
                continue; // its result was recorded before the kill: not in flight
            }
            inFlight++;
            if (done.isEmpty()) {
                missing.add(key);
                continue;
            }
            double completed = Duration.between(killedAt, done.get()).toMillis() / 1000.0;
            Long takenAt = firstCallElsewhere.get(key);
            max = Math.max(max, takenAt == null ? completed : (takenAt - kill) / 1000.0);
            maxCompleted = Math.max(maxCompleted, completed);
        }
        return new Result(inFlight, max, maxCompleted, List.copyOf(missing));
    }

    /** The step a logged call belongs to ({@code <returnId>:<STEP>[:<what for>]}), or null when none. */
    private static String stepKey(JsonNode call) {
        String key = call.path("key").asText(null);
        if (key == null && "fraud".equals(call.path("connector").asText())) {
            key = call.path("returnId").asText() + ":FRAUD_CHECK";
        }
        return key != null && key.indexOf(':') > 0 ? key : null;
    }

    /** Step key ({@code <returnId>:<STEP>[:<what for>]}) → when the event recording its result was stored. */
    private static Map<String, Instant> completions(StoredEvents events) {
        Map<String, Instant> done = new HashMap<>();
        for (StoredEvents.Event event : events.all()) {
            String step = switch (event.type()) {
                case "FraudAssessed" -> "FRAUD_CHECK";
                case "ReturnLabelIssued" -> "ISSUE_LABEL";
                case "WarehouseAdvised" -> "ADVISE_WAREHOUSE";
                case "RefundIssued" -> "REFUND_PAYMENT";
                case "ReplacementOrderCreated" -> "REPLACEMENT_ORDER";
                case "CreditMemoPosted" -> "POST_CREDIT_MEMO";
                case "InventoryAdjusted" -> "ADJUST_INVENTORY:" + event.payload().path("orderLineId").asText();
                case "LoyaltyAdjusted" -> "REVERSE_LOYALTY";
                case "LoyaltyPointsRestored" -> "RESTORE_LOYALTY";
                case "CustomerNotified" -> "NOTIFY_CUSTOMER:" + event.payload().path("milestone").asText();
                case "CaseOpened" -> "OPEN_CASE:" + event.payload().path("exceptionId").asText();
                default -> null;
            };
            if (step != null) {
                done.putIfAbsent(event.returnId() + ":" + step, event.at());
            }
        }
        return done;
    }
}
