package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway did not refund; finalFailure says whether asking again is pointless.")
@Revision("1")
public record RefundFailed(String returnId, String failureCode, String message, boolean finalFailure) implements ReturnEvent {
}
