package io.omnireturns.api.integration;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;

/**
 * {@code io.omnireturns.return.hold.placed.v1}: the return stopped (status {@code ON_HOLD}) until a person decides;
 * {@code heldFrom} is the status it stopped in.
 */
public record ReturnHoldPlacedV1(String returnId,
                                 @OneOf(HoldReason.class) String reason,
                                 @OneOf(ExternalSystem.class) @NullWhen("no system is involved") String system,
                                 @Meaning("the status the return stopped in") @OneOf(ReturnStatus.class) String heldFrom) {
}
