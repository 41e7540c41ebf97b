package io.omnireturns.command.connectors.fraud;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;

/** What the fraud service scores: who returns what, through which channel, for how much. */
public record FraudCheck(String returnId, String orderId, String customerId, SalesChannel channel, int items,
                         Money merchandiseValue) {
}
