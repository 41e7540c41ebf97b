package io.omnireturns.api.orders;

import io.omnireturns.api.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was bought, when, at what price, with which promotions and tenders, as the order system
 * told us when the return was requested. Kept in the return's events so a refund can always be
 * recomputed from the facts of the day.
 */
public record OrderSnapshot(
        String orderId,
        String customerId,
        SalesChannel soldThrough,
        String soldAtStoreId,
        Instant placedAt,
        Instant fulfilledAt,
        String fulfilmentLocationId,
        String currency,
        List<OrderLine> lines,
        List<OrderPromotion> promotions,
        Money shippingCharged,
        Money shippingTax,
        List<Tender> tenders) {

    public OrderSnapshot {
        lines = List.copyOf(lines);
        promotions = List.copyOf(promotions);
        tenders = List.copyOf(tenders);
    }

    public Optional<OrderLine> line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst();
    }
}
