package io.omnireturns.console.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.command.connectors.orders.DemoOrders;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return with a discrepancy in a past period, as the finance ledger's own tests make one: its events appended to
 * the event store the way the return aggregate appends them, dated in that period. A web return of one rain jacket
 * refunded 107.94 EUR by the gateway with no credit memo ever posted: a refund without credit memo, and a refund
 * not settled.
 */
public final class LedgerStories {

    static final Money REFUND = Money.of(10794, "EUR");

    private LedgerStories() {
    }

    /** The return's id. */
    public static String refundWithoutCreditMemo(EventStore eventStore, String at) {
        Instant when = Instant.parse(at);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        OrderSnapshot order = DemoOrders.copyUnder(DemoOrders.webApparelOrder(when), "ORD-FIN-" + suffix);
        String returnId = "RET-FIN-" + suffix;
        ReturnRequested requested = new ReturnRequested(returnId, SalesChannel.WEB, null, order.customerId(),
                order.orderId(), RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine(order.orderId() + "-L1", 1, ReturnReason.DEFECTIVE)), order);
        RefundIssued refunded = new RefundIssued(returnId, "GW-" + returnId, REFUND);
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("ReturnAggregate", returnId, 0, requested, MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), when),
                new GenericDomainEventMessage<>("ReturnAggregate", returnId, 1, refunded, MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), when.plusSeconds(3600))));
        return returnId;
    }
}
