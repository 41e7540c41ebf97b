package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("Refund settled, credit memo posted, stock adjusted and customer notified: the return is done "
        + "(terminal).")
@Revision("1")
public record ReturnCompleted(String returnId) implements ReturnEvent {
}
