package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("A person resolved a hold (resume, reject or cancel) with a reason; resumedAs is the status the "
        + "return went back to.")
@Revision("1")
public record ReturnHoldResolved(String returnId, String orderId, HoldDecision decision, String reason, String resolvedBy, ReturnStatus resumedAs) implements ReturnEvent {
}
