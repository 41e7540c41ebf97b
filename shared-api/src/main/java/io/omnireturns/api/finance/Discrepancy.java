package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;

import java.time.Instant;
import java.util.List;

/**
 * One thing out of step on one return ({@code currency} is the return's). {@code references} name the bookings involved (gateway references,
 * credit memo document numbers, replacement orders), {@code orderLineIds} the return lines. The amounts that
 * matter to the kind are set, the others null: {@code refundAmount} (a refund, or an exchange's value),
 * {@code creditMemoAmount}, {@code difference} (refund minus credit memo); {@code quantity} is the number of
 * accepted items without an inventory adjustment. {@code occurredAt} is when the booking that raised it happened.
 */
public record Discrepancy(DiscrepancyKind kind, String returnId, String orderId, SalesChannel channel, String currency,
                          List<String> orderLineIds, List<String> references, Money refundAmount,
                          Money creditMemoAmount, Money difference, Integer quantity, Instant occurredAt,
                          String detail) {

    public Discrepancy {
        orderLineIds = List.copyOf(orderLineIds);
        references = List.copyOf(references);
    }
}
