package io.omnireturns.command.ledger;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.ledger.QuantityReservation;
import io.omnireturns.api.ledger.RefundAllocated;
import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.ledger.ReserveReturnQuantities;
import io.omnireturns.api.ledger.ReturnQuantitiesReleased;
import io.omnireturns.api.ledger.ReturnQuantitiesReserved;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.command.StoredFieldByField;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.tax.RefundTaxFigures;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The returns side of one order: how many items of each line every return holds and what every return
 * refunded. Rules 2 and 3 span all returns of an order, so they are decided here, where commands on one
 * order are serialized by the event store's (aggregate id, sequence) key.
 */
// snapshots store the aggregate's fields as they are (no getters to hide behind)
@StoredFieldByField
@Aggregate(snapshotTriggerDefinition = "returnSnapshotTrigger", cache = "aggregateCache",
        lockFactory = "aggregateLocks")
public class OrderLedgerAggregate {

    public static final String RETURN_NOT_KNOWN_TO_ORDER = "RETURN_NOT_KNOWN_TO_ORDER";
    public static final String REFUND_EXCEEDS_HELD = "REFUND_EXCEEDS_HELD";

    @AggregateIdentifier
    private String orderId;
    private OrderSnapshot order;
    /** returnId -> order line -> quantity held. */
    private final Map<String, Map<String, Integer>> held = new HashMap<>();
    private final Map<String, List<QuantityReservation>> answers = new HashMap<>();
    private final Map<String, RefundBreakdown> refunds = new LinkedHashMap<>();
    private PriorRefunds refundedSoFar;
    private final Set<String> releaseIds = new HashSet<>();

    protected OrderLedgerAggregate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<QuantityReservation> handle(ReserveReturnQuantities command) {
        List<QuantityReservation> earlier = answers.get(command.returnId());
        if (earlier != null) {
            return earlier;
        }
        OrderSnapshot known = order != null ? order : command.order();
        List<QuantityReservation> reservations = new ArrayList<>();
        command.quantitiesByLine().forEach((lineId, requested) -> {
            int purchased = known.line(lineId).map(OrderLine::quantity).orElse(0);
            int remaining = purchased - heldOf(lineId);
            int reserved = requested > 0 && requested <= remaining ? requested : 0;
            reservations.add(new QuantityReservation(lineId, requested, Math.max(remaining, 0), reserved));
        });
        apply(new ReturnQuantitiesReserved(command.orderId(), command.returnId(), reservations, known));
        return reservations;
    }

    @CommandHandler
    public void handle(ReleaseReturnQuantities command) {
        Map<String, Integer> holding = held.get(command.returnId());
        if (releaseIds.contains(command.releaseId()) || holding == null || holding.isEmpty()) {
            return; // nothing held, or already released
        }
        Map<String, Integer> release = new LinkedHashMap<>();
        if (command.quantitiesByLine().isEmpty()) {
            release.putAll(holding);
        } else {
            command.quantitiesByLine().forEach((lineId, quantity) -> {
                int releasable = Math.min(quantity, holding.getOrDefault(lineId, 0));
                if (releasable > 0) {
                    release.put(lineId, releasable);
                }
            });
        }
        if (!release.isEmpty()) {
            apply(new ReturnQuantitiesReleased(orderId, command.returnId(), command.releaseId(), release, command.reason()));
        }
    }

    @CommandHandler
    public RefundBreakdown handle(AllocateRefund command, RefundCalculator calculator) {
        RefundBreakdown earlier = refunds.get(command.returnId());
        if (earlier != null) {
            return earlier;
        }
        if (!held.containsKey(command.returnId())) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, RETURN_NOT_KNOWN_TO_ORDER,
                    "return " + command.returnId() + " holds nothing on order " + orderId);
        }
        Map<String, Integer> holding = held.get(command.returnId());
        Map<String, Integer> claimed = new HashMap<>();
        command.lines().forEach(line -> claimed.merge(line.orderLineId(), line.acceptedQuantity(), Integer::sum));
        claimed.forEach((lineId, units) -> {
            if (units > holding.getOrDefault(lineId, 0)) {
                // a return is refunded only for what it holds: the rest may belong to another return of the order
                throw new DomainException(ErrorKind.RULE_VIOLATION, REFUND_EXCEEDS_HELD, "return " + command.returnId()
                        + " holds " + holding.getOrDefault(lineId, 0) + " of line " + lineId + ", not " + units);
            }
        });
        RefundTaxFigures tax = command.taxRequest() == null || command.taxCalculation() == null ? null
                : new RefundTaxFigures(command.taxRequest(), command.taxCalculation());
        RefundBreakdown breakdown = calculator.calculate(
                new RefundInput(order, command.refundMethod(), command.lines(), refundedSoFar,
                        command.deductionsWaived(), tax));
        apply(new RefundAllocated(orderId, command.returnId(), breakdown));
        return breakdown;
    }

    /**
     * The refund {@code command} would be allocated with the tax as the order's proportional share, against what the
     * order's other returns took back so far; nothing is booked. Read by the refund decision, to ask the tax service
     * about the amounts the refund will have.
     */
    public RefundBreakdown preview(AllocateRefund command, RefundCalculator calculator) {
        RefundBreakdown earlier = refunds.get(command.returnId());
        if (earlier != null) {
            return earlier;
        }
        return calculator.calculate(new RefundInput(order, command.refundMethod(), command.lines(), refundedSoFar,
                command.deductionsWaived()));
    }

    /**
     * What {@code command}'s lines would be refunded against what the order's <em>other</em> returns took back: the
     * inspection of a return refunded early, priced as a normal refund would have been. Nothing is booked; the
     * return's own early refund stays allocated.
     */
    public RefundBreakdown reprice(AllocateRefund command, RefundCalculator calculator) {
        PriorRefunds others = PriorRefunds.none(order.currency());
        for (Map.Entry<String, RefundBreakdown> refund : refunds.entrySet()) {
            if (!refund.getKey().equals(command.returnId())) {
                others = others.plus(refund.getValue());
            }
        }
        return calculator.calculate(new RefundInput(order, command.refundMethod(), command.lines(), others,
                command.deductionsWaived()));
    }

    /** The order as the ledger holds it (the snapshot of its first return). */
    public OrderSnapshot order() {
        return order;
    }

    private int heldOf(String lineId) {
        return held.values().stream().mapToInt(lines -> lines.getOrDefault(lineId, 0)).sum();
    }

    @EventSourcingHandler
    void on(ReturnQuantitiesReserved event) {
        orderId = event.orderId();
        if (order == null) {
            order = event.order();
            refundedSoFar = PriorRefunds.none(order.currency());
        }
        answers.put(event.returnId(), event.reservations());
        Map<String, Integer> lines = held.computeIfAbsent(event.returnId(), id -> new HashMap<>());
        event.reservations().stream()
                .filter(reservation -> reservation.reserved() > 0)
                .forEach(reservation -> lines.merge(reservation.orderLineId(), reservation.reserved(), Integer::sum));
    }

    @EventSourcingHandler
    void on(ReturnQuantitiesReleased event) {
        releaseIds.add(event.releaseId());
        Map<String, Integer> lines = held.get(event.returnId());
        event.quantitiesByLine().forEach((lineId, quantity) -> lines.computeIfPresent(lineId,
                (id, current) -> current - quantity > 0 ? current - quantity : null));
    }

    @EventSourcingHandler
    void on(RefundAllocated event) {
        refunds.put(event.returnId(), event.breakdown());
        refundedSoFar = refundedSoFar.plus(event.breakdown());
    }
}
