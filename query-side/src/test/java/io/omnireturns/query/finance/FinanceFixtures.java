package io.omnireturns.query.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.PromotionKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnRequested;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Orders and events with figures worked out by hand.
 * <p>
 * The promoted order (EUR): 2 linen shirts at 25.00 (tax 10.00 for both), running shoes at 80.00 less a 5.00 line
 * discount (tax 15.00), 3 pairs of socks at 3.33 (tax 1.90 for all three), and 10.01 off the whole order. The order
 * discount is prorated by price after line discount (50.00 : 75.00 : 9.99 of 134.99): floors 3.70, 5.56, 0.74 make
 * 10.00, the cent left goes to the largest remainder (shirts), so the net paid merchandise is shirts 46.29, shoes
 * 69.44, socks 9.25. Shipping 4.95 plus 0.95 tax. Paid 100.00 by card and 57.78 by gift card (157.78 in all).
 */
final class FinanceFixtures {

    static final String SHIRTS = "L1";
    static final String SHOES = "L2";
    static final String SOCKS = "L3";
    static final String JACKET = "J1";
    static final String KETTLE = "K1";

    private FinanceFixtures() {
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static Money gbp(long minor) {
        return Money.of(minor, "GBP");
    }

    static OrderSnapshot promotedOrder(String orderId, SalesChannel channel) {
        Instant placedAt = Instant.parse("2023-12-01T10:00:00Z");
        return new OrderSnapshot(orderId, "C-1", channel, null, placedAt, placedAt.plusSeconds(86_400), "WH-1", "EUR",
                List.of(new OrderLine(SHIRTS, "SKU-SHIRT", "Linen shirt", "apparel", 2, eur(2500), eur(0), eur(1000),
                                false),
                        new OrderLine(SHOES, "SKU-SHOES", "Running shoes", "footwear", 1, eur(8000), eur(500),
                                eur(1500), false),
                        new OrderLine(SOCKS, "SKU-SOCKS", "Socks", "apparel", 3, eur(333), eur(0), eur(190), false)),
                List.of(new OrderPromotion("WINTER", PromotionKind.ORDER_DISCOUNT, eur(1001), List.of())),
                eur(495), eur(95),
                List.of(new Tender("T1", TenderType.CARD, eur(10000), "card 4242"),
                        new Tender("T2", TenderType.GIFT_CARD, eur(5778), "gift card 77")));
    }

    /** A jacket at 200.00 (tax 38.00), paid 188.00 by card and 50.00 by gift card, bought in a store. */
    static OrderSnapshot jacketOrder(String orderId) {
        Instant placedAt = Instant.parse("2023-12-02T10:00:00Z");
        return new OrderSnapshot(orderId, "C-2", SalesChannel.STORE, "S-1", placedAt, placedAt, "S-1", "EUR",
                List.of(new OrderLine(JACKET, "SKU-JACKET", "Jacket", "apparel", 1, eur(20000), eur(0), eur(3800),
                        false)),
                List.of(), null, null,
                List.of(new Tender("C1", TenderType.CARD, eur(18800), "card 1111"),
                        new Tender("G1", TenderType.GIFT_CARD, eur(5000), "gift card 12")));
    }

    /** A kettle at 49.99 GBP (tax 8.33), shipping 3.99 plus 0.80 tax, paid by PayPal, sold on a marketplace. */
    static OrderSnapshot kettleOrder(String orderId) {
        Instant placedAt = Instant.parse("2023-12-03T10:00:00Z");
        return new OrderSnapshot(orderId, "C-3", SalesChannel.MARKETPLACE, null, placedAt, placedAt, "WH-UK", "GBP",
                List.of(new OrderLine(KETTLE, "SKU-KETTLE", "Kettle", "kitchen", 1, gbp(4999), gbp(0), gbp(833),
                        false)),
                List.of(), gbp(399), gbp(80),
                List.of(new Tender("P1", TenderType.PAYPAL, gbp(6311), "paypal 9")));
    }

    static ReturnRequested requested(String returnId, OrderSnapshot order, SalesChannel channel, RefundMethod method,
                                     RequestedLine... lines) {
        return new ReturnRequested(returnId, channel, null, order.customerId(), order.orderId(), method,
                List.of(lines), order);
    }

    static RequestedLine line(String orderLineId, int quantity, ReturnReason reason) {
        return new RequestedLine(orderLineId, quantity, reason);
    }

    static ReturnLinesInspected inspected(String returnId, InspectedLine... lines) {
        return new ReturnLinesInspected(returnId, "INSP-" + returnId, Arrays.asList(lines));
    }

    static InspectedLine accepted(String orderLineId, int quantity, Grade grade, Disposition disposition) {
        return new InspectedLine(orderLineId, quantity, 0, grade, disposition, false, null);
    }

    static LineRefund lineRefund(String orderLineId, int quantity, Money merchandise, Money tax, Money restockingFee,
                                 Money conditionDeduction) {
        Money amount = merchandise.plus(tax).minus(restockingFee).minus(conditionDeduction);
        return new LineRefund(orderLineId, quantity, merchandise, tax, restockingFee, conditionDeduction, amount,
                List.of());
    }

    static RefundApproved approved(String returnId, Money shipping, List<LineRefund> lines,
                                   List<TenderRefund> tenders) {
        Money total = Money.sum(lines.stream().map(LineRefund::amount).toList(), shipping.currency()).plus(shipping);
        return new RefundApproved(returnId, new RefundBreakdown(shipping.currency(), lines, shipping, total, tenders));
    }

    static TenderRefund tender(String tenderId, TenderType type, Money amount) {
        return new TenderRefund(tenderId, type, amount);
    }
}
