package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RefundFailed(String returnId, String failureCode, String message, boolean finalFailure) implements ReturnEvent {
}
