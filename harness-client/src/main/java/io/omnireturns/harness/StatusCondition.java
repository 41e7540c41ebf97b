package io.omnireturns.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a harness waits for in a return's status. A condition on the header status alone is decided on the status
 * stream's summaries; one on more of the view ({@link #needsView()}, e.g. the carrier's label) is decided on the
 * status view, read once each time the stream says the return changed.
 *
 * @param test applied to a summary (when the condition does not need the view) or to a status view: both carry
 *             {@code status} and {@code version}
 */
public record StatusCondition(String name, Predicate<JsonNode> test, boolean needsView) {

    /** Statuses that end a wait unmet: the return will not move on by itself (held) or at all. */
    static final Set<String> DEAD_ENDS = Set.of("ON_HOLD", "REJECTED", "CANCELLED", "EXPIRED");

    /** The order in which a return that goes well passes its statuses. */
    private static final List<String> PROGRESS = List.of("REQUESTED", "AUTHORIZED", "IN_TRANSIT", "RECEIVED",
            "INSPECTED", "REFUND_PENDING", "REFUNDED", "COMPLETED");

    /** The return has a status view (any change of it). */
    public static final StatusCondition EXISTS = new StatusCondition("the status view", view -> true, false);

    /** The carrier issued the return label (the view's {@code CARRIER} system is {@code LABEL_ISSUED}). */
    public static final StatusCondition LABEL_ISSUED = new StatusCondition("the carrier's label",
            view -> "LABEL_ISSUED".equals(systemState(view, "CARRIER")), true);

    /** Items were received (header status RECEIVED or further). */
    public static final StatusCondition RECEIVED = reached("RECEIVED");

    /** The inspection is recorded (header status INSPECTED or further). */
    public static final StatusCondition INSPECTED = reached("INSPECTED");

    /** The return is over, the good way. */
    public static final StatusCondition COMPLETED = new StatusCondition("COMPLETED",
            view -> "COMPLETED".equals(view.path("status").asText()), false);

    /** The header status is {@code status} or one a return reaches after it when all goes well. */
    public static StatusCondition reached(String status) {
        int at = PROGRESS.indexOf(status);
        if (at < 0) {
            throw new IllegalArgumentException("not a status on the way to COMPLETED: " + status);
        }
        return new StatusCondition(status, view -> PROGRESS.indexOf(view.path("status").asText()) >= at, false);
    }

    static String systemState(JsonNode view, String system) {
        for (JsonNode entry : view.path("systems")) {
            if (system.equals(entry.path("system").asText())) {
                return entry.path("state").asText();
            }
        }
        return "";
    }

    /** The hold reason of a summary ({@code holdReason}) or a view ({@code hold.reason}), else empty. */
    static String holdReason(JsonNode state) {
        String reason = state.path("holdReason").asText("");
        return reason.isEmpty() || "null".equals(reason) ? state.path("hold").path("reason").asText("") : reason;
    }
}
