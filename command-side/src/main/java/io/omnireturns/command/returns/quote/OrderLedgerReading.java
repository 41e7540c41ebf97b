package io.omnireturns.command.returns.quote;

import io.omnireturns.api.ledger.RefundAllocated;
import io.omnireturns.api.ledger.ReturnQuantitiesReleased;
import io.omnireturns.api.ledger.ReturnQuantitiesReserved;
import io.omnireturns.command.policy.refund.PriorRefunds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * What an order's ledger holds, read from its events without loading (or locking) the aggregate: the units every
 * return of the order holds per line, and what earlier returns refunded. A quote reserves nothing, so a reading that
 * is a moment old only makes the quote a moment old; the request that follows is decided against the ledger itself.
 */
@Component
class OrderLedgerReading {

    /** Units held per order line by all returns of the order, and the refunds allocated so far. */
    record LedgerPosition(Map<String, Integer> heldByLine, PriorRefunds prior) {

        int held(String orderLineId) {
            return heldByLine.getOrDefault(orderLineId, 0);
        }
    }

    private final EventStore events;

    OrderLedgerReading(EventStore events) {
        this.events = events;
    }

    LedgerPosition of(String orderId, String currency) {
        Map<String, Integer> held = new HashMap<>();
        PriorRefunds[] prior = {PriorRefunds.none(currency)};
        // from sequence 0, so from the events and never from a snapshot
        events.readEvents(orderId, 0).asStream().forEach(message -> {
            Object payload = message.getPayload();
            if (payload instanceof ReturnQuantitiesReserved reserved) {
                reserved.reservations().stream().filter(reservation -> reservation.reserved() > 0)
                        .forEach(reservation -> held.merge(reservation.orderLineId(), reservation.reserved(), Integer::sum));
            } else if (payload instanceof ReturnQuantitiesReleased released) {
                released.quantitiesByLine().forEach((lineId, units) -> held.merge(lineId, -units, Integer::sum));
            } else if (payload instanceof RefundAllocated allocated && allocated.breakdown().currency().equals(currency)) {
                prior[0] = prior[0].plus(allocated.breakdown());
            }
        });
        return new LedgerPosition(Map.copyOf(held), prior[0]);
    }
}
