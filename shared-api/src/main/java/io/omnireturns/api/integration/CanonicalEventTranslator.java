package io.omnireturns.api.integration;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnRequested;

import java.time.Instant;
import java.util.List;

/**
 * The one translation layer from internal events to the public contract ({@link CanonicalEvent}). Plain code, no
 * infrastructure: the Kafka publisher, the webhooks and the analytics feed all call it, so they all see the same
 * events. An internal event with no public meaning translates to nothing.
 */
public final class CanonicalEventTranslator {

    /**
     * @param eventId  the internal event's identifier (stable: the canonical ids derive from it)
     * @param sequence the internal event's sequence number in its return's stream
     * @param at       when it was stored
     * @param payload  the internal event
     */
    public List<CanonicalEvent> translate(String eventId, long sequence, Instant at, Object payload) {
        if (payload instanceof ReturnRequested e) {
            return List.of(new CanonicalEvent(eventId, CanonicalTypes.RETURN_INITIATED, e.returnId(), at, sequence,
                    new ReturnInitiatedV1(e.returnId(), e.orderId(), e.customerId(), e.channel().name(), e.storeId(),
                            e.lines().stream().map(line -> returnLine(line, e.order())).toList())));
        }
        if (payload instanceof ReturnItemsReceived e) {
            return List.of(new CanonicalEvent(eventId, CanonicalTypes.RETURN_RECEIVED, e.returnId(), at, sequence,
                    new ReturnReceivedV1(e.returnId(), e.receiptId(), e.locationId())));
        }
        return List.of();
    }

    private static ReturnLineV1 returnLine(RequestedLine line, OrderSnapshot order) {
        OrderLine ordered = order == null ? null : order.line(line.orderLineId()).orElse(null);
        return new ReturnLineV1(line.orderLineId(), ordered == null ? null : ordered.sku(),
                ordered == null ? null : ordered.category(), line.quantity(), line.reason().name(),
                ordered == null ? null : ordered.unitPrice(), ordered == null ? 0 : ordered.quantity());
    }
}
