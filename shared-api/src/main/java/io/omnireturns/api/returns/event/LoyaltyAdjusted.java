package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("Loyalty points earned with the returned items were reversed.")
@Revision("1")
public record LoyaltyAdjusted(String returnId, long pointsReversed, String reference) implements ReturnEvent {
}
