package io.omnireturns.command.returns.application;

import io.omnireturns.api.ledger.QuantityReservation;
import io.omnireturns.api.ledger.ReserveReturnQuantities;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.policy.eligibility.EligibilityRequest;
import io.omnireturns.command.policy.keepit.KeepItPolicy;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Records the decision, then, for an authorized return, the lines the customer keeps ({@link KeepItPolicy});
     * answers the status the return is left in. Safe to repeat: the return decides each once.
     */
    public ReturnStatus record(String returnId, OrderSnapshot order, List<LineDecision> decisions) {
        ReturnStatus status = commands.sendAndWait(new RecordEligibilityDecision(returnId, decisions));
        List<KeptLine> kept = keepIt.keptLines(order, decisions);
        if (status == ReturnStatus.AUTHORIZED && !kept.isEmpty()) {
            status = commands.sendAndWait(new KeepLines(returnId, kept));
        }
        return status;
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
