package io.omnireturns.api.query;

import io.omnireturns.api.returns.ReturnReason;

import java.util.List;

/**
 * One returned order line. Its three states move independently: the parcel can be received while the
 * inspection is pending and the money is not yet decided.
 *
 * @param replacementSku         the size or colour wanted instead, for an exchange; null otherwise
 * @param eligibilityReasonCodes why eligibility authorized less than requested (empty when all was authorized)
 */
public record ReturnLineView(String orderLineId, String sku, String description, ReturnReason reason,
                             String replacementSku, List<String> eligibilityReasonCodes, LogisticsView logistics,
                             InspectionView inspection, LineMoneyView money) {

    public ReturnLineView {
        eligibilityReasonCodes = List.copyOf(eligibilityReasonCodes);
    }
}
