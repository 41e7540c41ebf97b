package io.omnireturns.api.integration;

import java.util.List;

/**
 * The eligibility of one requested line: the quantity authorized (zero when refused) and the reason codes behind it,
 * e.g. {@code RETURN_WINDOW_EXPIRED}, {@code FINAL_SALE}, {@code QUANTITY_EXCEEDS_REMAINING}.
 */
public record LineEligibility(String orderLineId, int requestedQuantity, int authorizedQuantity,
                              List<String> reasonCodes) {

    public LineEligibility {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
