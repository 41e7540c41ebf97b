package io.omnireturns.command.returns.application;

import io.omnireturns.api.ledger.QuantityReservation;
import io.omnireturns.api.ledger.ReserveReturnQuantities;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.policy.eligibility.EligibilityRequest;
import io.omnireturns.command.policy.keepit.KeepItPolicy;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eligibility decision of a recorded return: the eligibility policy line by line, then the order's ledger for
 * what is left to return across all its returns. Safe to repeat: the ledger answers a second reservation for the
 * same return as it answered the first, so the request and the process's decision time-out decide the same.
 */
@Component
public class ReturnEligibility {

    public static final String QUANTITY_EXCEEDS_REMAINING = "QUANTITY_EXCEEDS_REMAINING";

    private final RequestCommands commands;
    private final EligibilityPolicy eligibility;
    private final KeepItPolicy keepIt;

    ReturnEligibility(RequestCommands commands, EligibilityPolicy eligibility, KeepItPolicy keepIt) {
        this.commands = commands;
        this.eligibility = eligibility;
        this.keepIt = keepIt;
    }

    /**
     * The command that keeps the authorized lines the keep-it policy keeps ({@link KeepItPolicy}), to send once the
     * return is {@code AUTHORIZED}; empty when it keeps none. The return decides it once, so it is safe to repeat.
     */
    public Optional<KeepLines> keepIt(String returnId, OrderSnapshot order, List<LineDecision> decisions) {
        List<KeptLine> kept = keepIt.keptLines(order, decisions);
        return kept.isEmpty() ? Optional.empty() : Optional.of(new KeepLines(returnId, kept));
    }

    public List<LineDecision> decide(String returnId, OrderSnapshot order, SalesChannel channel, String storeId,
                                     List<RequestedLine> lines, Instant requestedAt) {
        List<LineDecision> byPolicy = eligibility.evaluate(
                new EligibilityRequest(order, channel, storeId, lines, requestedAt));
        Map<String, Integer> eligible = new LinkedHashMap<>();
        byPolicy.stream().filter(LineDecision::isAuthorized)
                .forEach(decision -> eligible.put(decision.orderLineId(), decision.authorizedQuantity()));
        if (eligible.isEmpty()) {
            return byPolicy;
        }
        List<QuantityReservation> reservations =
                commands.sendAndWait(new ReserveReturnQuantities(order.orderId(), returnId, eligible, order));
        Map<String, QuantityReservation> byLine = new LinkedHashMap<>();
        reservations.forEach(reservation -> byLine.put(reservation.orderLineId(), reservation));
        List<LineDecision> decisions = new ArrayList<>();
        for (LineDecision decision : byPolicy) {
            QuantityReservation reservation = byLine.get(decision.orderLineId());
            if (decision.isAuthorized() && (reservation == null || !reservation.isGranted())) {
                decisions.add(new LineDecision(decision.orderLineId(), decision.requestedQuantity(), 0,
                        List.of(QUANTITY_EXCEEDS_REMAINING)));
            } else {
                decisions.add(decision);
            }
        }
        return decisions;
    }
}
