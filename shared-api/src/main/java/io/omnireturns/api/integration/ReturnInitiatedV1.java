package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;

import java.time.Instant;
import java.util.List;

/**
 * {@code io.omnireturns.return.initiated.v1}: a customer asked to return lines of an order, through a channel. The
 * lines carry what analytics needs (SKU, category, price, ordered and returned units, reason); the customer is only
 * the pseudonymous id.
 */
public record ReturnInitiatedV1(String returnId, String orderId, @Meaning("pseudonymous id of the customer in the order system; no other personal data is sent") String customerId,
                                @OneOf(SalesChannel.class) String channel,
                                @NullWhen("the return was not started in a store") String storeId,
                                @OneOf(RefundMethod.class) String refundMethod,
                                @Meaning("ISO 4217 currency of the order") String currency,
                                @Meaning("when the order was placed") Instant orderPlacedAt,
                                List<Line> lines) {

    public ReturnInitiatedV1 {
        lines = List.copyOf(lines);
    }

    /**
     * One requested line, with the order line's facts as the order system gave them (a return is accepted only for
     * lines of its order): {@code quantity} requested of the {@code orderedQuantity} bought at {@code unitPrice}.
     */
    public record Line(String orderLineId,
                       String sku,
                       @NullWhen("the order system gave no category") String category,
                       @Meaning("units asked to return") int quantity,
                       @Meaning("units of the line on the order") int orderedQuantity,
                       @Meaning("price of one unit as bought, before promotions") Money unitPrice,
                       @OneOf(ReturnReason.class) String reason,
                       @NullWhen("the line is not an exchange") String replacementSku) {
    }
}
