package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import org.axonframework.serialization.Revision;

@EventMeaning("The payment gateway refused the clawback charge after an early refund; for good when finalFailure.")
@Revision("1")
public record ClawbackChargeFailed(String returnId, String failureCode, String message, boolean finalFailure)
        implements ReturnEvent {
}
