package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@EventMeaning("The return is not eligible (terminal); the per-line decisions carry the reason codes.")
@Revision("1")
public record ReturnRejected(String returnId, String orderId, List<LineDecision> decisions) implements ReturnEvent {
}
