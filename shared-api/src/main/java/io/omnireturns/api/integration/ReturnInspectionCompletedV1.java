package io.omnireturns.api.integration;

import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundMethod;

import java.util.List;

/**
 * {@code io.omnireturns.return.inspection.completed.v1}: every received line is inspected. Per line what was accepted
 * and its grade (the rejected quantities and dispositions are in the {@code lines.inspected} events before it), the
 * authorized quantities that never arrived, and whether a person reviews before the refund.
 */
public record ReturnInspectionCompletedV1(String returnId, String orderId,
                                          @OneOf(RefundMethod.class) String refundMethod,
                                          List<Line> lines,
                                          @Meaning("authorized units that never arrived, by line") List<ShortLine> shortLines,
                                          @Meaning("the refund waits for a person to review a line (the return is put on hold)") boolean awaitingReview) {

    public ReturnInspectionCompletedV1 {
        lines = List.copyOf(lines);
        shortLines = List.copyOf(shortLines);
    }

    public record Line(String orderLineId, int acceptedQuantity,
                       @OneOf(Grade.class) @NullWhen("the line was not graded") String grade) {
    }

    /** Authorized items of a line that never arrived; they go back to the order. */
    public record ShortLine(String orderLineId, int quantity) {
    }
}
