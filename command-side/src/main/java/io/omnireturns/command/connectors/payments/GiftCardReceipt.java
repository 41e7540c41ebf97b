package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.money.Money;

/**
 * The gateway's confirmation of a new gift card: its reference, the card's masked code (say {@code ****-****-4821};
 * the full number goes to the holder only, never to us) and the value loaded on it.
 */
public record GiftCardReceipt(String gatewayReference, String maskedCode, Money amount) {
}
