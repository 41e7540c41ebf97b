package io.omnireturns.query;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnRequested;

import java.time.Instant;
import java.util.List;

/**
 * Events of a typical return, with the figures the command side would compute: an order of two linen shirts
 * (25.00 EUR each plus 5.00 tax) and one pair of running shoes (80.00 plus 16.00 tax), paid by card.
 */
public final class ReturnEvents {

    public static final String CURRENCY = "EUR";
    public static final String SHIRTS = "L1";
    public static final String SHOES = "L2";
    public static final String SHIRT_SKU = "SKU-SHIRT-M";
    public static final String SHOES_SKU = "SKU-RUN-42";
    public static final String SHIRT_SKU_LARGE = "SKU-SHIRT-L";

    private ReturnEvents() {
    }

    public static Money eur(long minor) {
        return Money.of(minor, CURRENCY);
    }

    public static OrderSnapshot order(String orderId, String customerId, SalesChannel channel, String storeId) {
        Instant placedAt = Instant.parse("2025-05-02T10:15:00Z");
        return new OrderSnapshot(orderId, customerId, channel, storeId, placedAt, placedAt.plusSeconds(86_400),
                "WH-CENTRAL", CURRENCY,
                List.of(new OrderLine(SHIRTS, SHIRT_SKU, "Linen shirt, size M", "apparel", 2, eur(2500), eur(0),
                                eur(1000), false),
                        new OrderLine(SHOES, SHOES_SKU, "Running shoes, size 42", "footwear", 1, eur(8000), eur(0),
                                eur(1600), false)),
                List.of(), eur(500), eur(100),
                List.of(new Tender("T1", TenderType.CARD, eur(16200), "card ending 4242")));
    }

    /** Both shirts and the shoes sent back. */
    public static ReturnRequested requested(String returnId, String orderId, String customerId,
                                            SalesChannel channel, String storeId) {
        return new ReturnRequested(returnId, channel, storeId, customerId, orderId, RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine(SHIRTS, 2, ReturnReason.SIZE_OR_FIT),
                        new RequestedLine(SHOES, 1, ReturnReason.CHANGED_MIND)),
                order(orderId, customerId, channel, storeId));
    }

    /** Both shirts exchanged for size L; the shoes are not part of it. */
    public static ReturnRequested exchangeRequested(String returnId, String orderId, String customerId) {
        return new ReturnRequested(returnId, SalesChannel.WEB, null, customerId, orderId, RefundMethod.EXCHANGE,
                List.of(new RequestedLine(SHIRTS, 2, ReturnReason.SIZE_OR_FIT, SHIRT_SKU_LARGE)),
                order(orderId, customerId, SalesChannel.WEB, null));
    }

    public static ReturnAuthorized authorizedInFull(String returnId) {
        return new ReturnAuthorized(returnId, List.of(
                new LineDecision(SHIRTS, 2, 2, List.of()),
                new LineDecision(SHOES, 1, 1, List.of())));
    }

    /** One shirt accepted: 25.00 plus its 5.00 tax share, back to the card. */
    public static RefundApproved oneShirtRefunded(String returnId) {
        LineRefund shirt = new LineRefund(SHIRTS, 1, eur(2500), eur(500), eur(0), eur(0), eur(3000),
                List.of("FULL_REFUND"));
        return new RefundApproved(returnId, new RefundBreakdown(CURRENCY, List.of(shirt), eur(0), eur(3000),
                List.of(new TenderRefund("T1", TenderType.CARD, eur(3000)))));
    }
}
