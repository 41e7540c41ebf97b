package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import org.axonframework.serialization.Revision;

/**
 * {@code pointsRestored}: the points reversed for the return times the share charged back (clawback over refunded
 * early), rounded down; {@code reference}: the loyalty programme's.
 */
@EventMeaning("The loyalty points reversed with an early refund were given back for the share a clawback charged back "
        + "to the customer's card: the customer paid for those items after all.")
@Revision("1")
public record LoyaltyPointsRestored(String returnId, long pointsRestored, String reference)
        implements ReturnEvent {
}
