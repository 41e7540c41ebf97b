package io.omnireturns.command.policy;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.PromotionKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds order snapshots for policy tests; amounts are EUR minor units unless a test says otherwise. */
public final class OrderFixtures {

    public static final String EUR = "EUR";
    public static final Instant PLACED_AT = Instant.parse("2025-03-01T10:00:00Z");
    public static final Instant FULFILLED_AT = Instant.parse("2025-03-03T16:30:00Z");

    private SalesChannel soldThrough = SalesChannel.WEB;
    private Instant fulfilledAt = FULFILLED_AT;
    private final List<OrderLine> lines = new ArrayList<>();
    private final List<OrderPromotion> promotions = new ArrayList<>();
    private final List<Tender> tenders = new ArrayList<>();
    private long shippingCharged;
    private long shippingTax;

    private OrderFixtures() {
    }

    public static OrderFixtures anOrder() {
        return new OrderFixtures();
    }

    public static Money eur(long minor) {
        return Money.of(minor, EUR);
    }

    public static OrderLine line(String lineId, int quantity, long unitPrice, long lineDiscount, long tax) {
        return new OrderLine(lineId, "SKU-" + lineId, "item " + lineId, "apparel", quantity,
                eur(unitPrice), eur(lineDiscount), eur(tax), false);
    }

    public OrderFixtures soldThrough(SalesChannel channel) {
        this.soldThrough = channel;
        return this;
    }

    public OrderFixtures notYetFulfilled() {
        this.fulfilledAt = null;
        return this;
    }

    public OrderFixtures with(OrderLine line) {
        lines.add(line);
        return this;
    }

    public OrderFixtures withLine(String lineId, int quantity, long unitPrice, long tax) {
        return with(line(lineId, quantity, unitPrice, 0, tax));
    }

    public OrderFixtures withCategoryLine(String lineId, String category, boolean finalSale) {
        return with(new OrderLine(lineId, "SKU-" + lineId, "item " + lineId, category, 2,
                eur(2500), eur(0), eur(475), finalSale));
    }

    public OrderFixtures withOrderDiscount(long amount) {
        promotions.add(new OrderPromotion("ORDER-" + amount, PromotionKind.ORDER_DISCOUNT, eur(amount), List.of()));
        return this;
    }

    public OrderFixtures withBundle(long amount, String... lineIds) {
        promotions.add(new OrderPromotion("BUNDLE-" + amount, PromotionKind.BUNDLE, eur(amount), List.of(lineIds)));
        return this;
    }

    public OrderFixtures withShipping(long charged, long tax) {
        this.shippingCharged = charged;
        this.shippingTax = tax;
        return this;
    }

    public OrderFixtures paidWith(String tenderId, TenderType type, long amount) {
        tenders.add(new Tender(tenderId, type, eur(amount), "ref-" + tenderId));
        return this;
    }

    public OrderSnapshot build() {
        return new OrderSnapshot("ORD-1", "CUST-1", soldThrough, null, PLACED_AT, fulfilledAt, "DC-1", EUR,
                lines, promotions, eur(shippingCharged), eur(shippingTax), tenders);
    }
}
