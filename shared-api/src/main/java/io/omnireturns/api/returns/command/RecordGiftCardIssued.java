package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment gateway issued the return's gift card: its reference, the card's masked code (the only part of the
 * card number that is kept) and its value. A gift card is paid out at once: it is recorded issued and settled.
 */
public record RecordGiftCardIssued(@TargetAggregateIdentifier String returnId, String gatewayReference,
                                   String maskedCode, Money amount) {
}
