package io.omnireturns.api.integration;

import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.ReturnStatus;

/**
 * {@code io.omnireturns.return.hold.resolved.v1}: a hold ended; {@code status} is where the return went ({@code RESUME}:
 * the status it was held in; {@code REJECT} and {@code CANCEL} end it, and a {@code rejected} or {@code cancelled}
 * event follows with the same sequence).
 */
public record ReturnHoldResolvedV1(String returnId,
                                   @OneOf(HoldDecision.class) String decision,
                                   @Meaning("the status the return is in now") @OneOf(ReturnStatus.class) String status) {
}
