package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The return needs a person (fraud review, inspection mismatch, refund or posting failure); "
        + "heldFrom is the status it stopped in.")
@Revision("1")
public record ReturnPutOnHold(String returnId, HoldReason reason, ExternalSystem system, String detail, ReturnStatus heldFrom) implements ReturnEvent {
}
