package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;

/**
 * {@code io.omnireturns.return.clawback.decided.v1}: a return refunded at the parcel's first carrier scan was
 * inspected; what inspection would have refunded against what was paid early, and the shortfall taken back.
 */
public record ClawbackDecidedV1(String returnId, Money paidEarly, Money inspectedRefund,
                                @Meaning("the shortfall; zero when inspection confirmed the early refund") Money amount,
                                @Meaning("NOTHING, CHARGE (to the card refunded) or CASE (an agent settles it)")
                                String kind) {
}
