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
 * the kill and the event that records the step's result is not older than the kill. Its take-over time is from the
 * kill to that event; a step whose event never came is reported apart ({@code notTakenOver}).
 */
public final class StepTakeover {

    /** The outcome: steps in flight at the kill, the longest wait, and those never completed. */
    public record Result(int inFlight, double maxSeconds, List<String> notTakenOver) {
    }

    private StepTakeover() {
    }

    public static Result measure(JsonNode calls, String killedNode, Instant killedAt, Duration window,
                                 StoredEvents events) {
        Set<String> stepKeys = new LinkedHashSet<>();
        long from = killedAt.minus(window).toEpochMilli();
        for (JsonNode call : calls) {
            long at = call.path("atMillis").asLong();
            if (!killedNode.equals(call.path("caller").asText()) || at < from || at > killedAt.toEpochMilli()) {
                continue;
            }
            String key = call.path("key").asText(null);
            if (key == null && "fraud".equals(call.path("connector").asText())) {
                key = call.path("returnId").asText() + ":FRAUD_CHECK";
            }
            if (key != null && key.indexOf(':') > 0) {
                stepKeys.add(key);
            }
        }
        Map<String, Instant> completions = completions(events);
        double max = 0;
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
            max = Math.max(max, Duration.between(killedAt, done.get()).toMillis() / 1000.0);
        }
        return new Result(inFlight, max, List.copyOf(missing));
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
