package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/**
 * Take {@code amount} from the card the order was paid with ({@code tenderId}, the gateway's {@code cardReference}):
 * the price difference of an exchange for a dearer item. The same idempotency key never charges twice.
 */
public record ChargeInstruction(String idempotencyKey, String returnId, String orderId, String tenderId,
                                String cardReference, Money amount) {
}
