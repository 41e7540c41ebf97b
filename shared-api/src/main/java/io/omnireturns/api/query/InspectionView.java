package io.omnireturns.api.query;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectionOutcome;

/**
 * What inspection found on one line; grade and disposition stay null while {@code PENDING}.
 * {@code inventoryAdjustedQuantity}: how many of the line's items the ERP has already booked by disposition.
 */
public record InspectionView(InspectionOutcome outcome, int acceptedQuantity, int rejectedQuantity, Grade grade,
                             Disposition disposition, String note, int inventoryAdjustedQuantity) {
}
