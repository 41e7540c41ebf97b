package io.omnireturns.api.ledger;

import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;

/** One inspected return line as the refund calculator needs it. */
public record RefundableLine(String orderLineId, int acceptedQuantity, Grade grade, ReturnReason reason) {
}
