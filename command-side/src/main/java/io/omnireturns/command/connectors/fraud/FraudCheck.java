package io.omnireturns.command.connectors.fraud;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;

import java.util.List;

/**
 * What the fraud service scores: who returns what, through which channel, for how much, and what our own history of
 * the customer's returns says of them.
 *
 * @param trustTier       the customer's tier at the request; null when it was not assessed (a guest order, trust
 *                        tiers switched off)
 * @param returnerSignals the serial-returner signals behind a {@code WATCHED} tier; empty otherwise
 */
public record FraudCheck(String returnId, String orderId, String customerId, SalesChannel channel, int items,
                         Money merchandiseValue, TrustTier trustTier, List<ReturnerSignal> returnerSignals) {

    public FraudCheck {
        returnerSignals = returnerSignals == null ? List.of() : List.copyOf(returnerSignals);
    }

    /** A check without the customer's return history. */
    public FraudCheck(String returnId, String orderId, String customerId, SalesChannel channel, int items,
                      Money merchandiseValue) {
        this(returnId, orderId, customerId, channel, items, merchandiseValue, null, List.of());
    }
}
