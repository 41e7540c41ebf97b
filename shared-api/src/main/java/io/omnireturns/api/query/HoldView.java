package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;

import java.time.Instant;

/** Why a return is on hold: the reason, the system involved (null when none), and where it stood before. */
public record HoldView(HoldReason reason, ExternalSystem system, String detail, ReturnStatus heldFrom, Instant since) {
}
