package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@EventMeaning("The return is eligible: per line the requested and authorized quantities, with reason codes.")
@Revision("1")
public record ReturnAuthorized(String returnId, List<LineDecision> decisions) implements ReturnEvent {
}
