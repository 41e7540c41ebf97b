package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnAuthorized(String returnId, List<LineDecision> decisions) implements ReturnEvent {
}
