package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnRejected(String returnId, String orderId, List<LineDecision> decisions) implements ReturnEvent {
}
