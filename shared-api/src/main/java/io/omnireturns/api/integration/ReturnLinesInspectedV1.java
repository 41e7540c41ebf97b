package io.omnireturns.api.integration;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;

import java.util.List;

/**
 * {@code io.omnireturns.return.lines.inspected.v1}: received lines were inspected; per line the accepted and rejected
 * quantities, the grade and what happens to the items. One return may be inspected in several goes.
 */
public record ReturnLinesInspectedV1(String returnId, String inspectionId, List<Line> lines) {

    public ReturnLinesInspectedV1 {
        lines = List.copyOf(lines);
    }

    public record Line(String orderLineId, int acceptedQuantity, int rejectedQuantity,
                       @OneOf(Grade.class) String grade,
                       @OneOf(Disposition.class) String disposition,
                       @Meaning("a person reviews the line before the refund") boolean needsManualReview) {
    }
}
