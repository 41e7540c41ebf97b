package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.RefundMethod;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/**
 * Every received line is inspected. Carries what the refund decision needs, and the quantities that were
 * authorized but never arrived ({@code shortQuantitiesByLine}). {@code awaitingReview}: a line needs a
 * person first, so the refund waits for the hold to be resolved.
 */
@EventMeaning("Every received line is inspected: what the refund decision needs, the quantities that never "
        + "arrived, and whether a person must review first.")
@Revision("1")
public record ReturnInspectionCompleted(String returnId, String orderId, RefundMethod refundMethod,
                                        List<RefundableLine> refundableLines,
                                        Map<String, Integer> shortQuantitiesByLine,
                                        boolean awaitingReview) implements ReturnEvent {
}
