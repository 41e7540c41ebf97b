package io.omnireturns.api.returns;

/** The inspection of one received line: how many pass, how many fail, the grade and what happens to the items. */
public record InspectedLine(String orderLineId, int acceptedQuantity, int rejectedQuantity, Grade grade,
                            Disposition disposition, boolean needsManualReview, String note) {
}
