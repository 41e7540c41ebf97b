package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ClawbackKind;
import org.axonframework.serialization.Revision;

@EventMeaning("Inspection of a return refunded early: what it would have refunded against what was paid early, and "
        + "the shortfall taken back by a charge (under chargeKey) or a CRM case; NOTHING when there is none.")
@Revision("1")
public record ClawbackDecided(String returnId, Money paidEarly, Money inspectedRefund, Money amount, ClawbackKind kind,
                              String chargeKey) implements ReturnEvent {
}
