package io.omnireturns.api.integration;

import java.util.List;

/**
 * The eligibility of one requested line: the quantity authorized (zero when refused) and the reason codes behind it,
 * e.g. {@code RETURN_WINDOW_EXPIRED}, {@code FINAL_SALE}, {@code QUANTITY_EXCEEDS_REMAINING}.
 */
public record LineEligibility(String orderLineId, int requestedQuantity, @Meaning("zero when the line is refused") int authorizedQuantity,
                              @Meaning("why less than requested was authorized, e.g. FINAL_SALE; empty when all was") List<String> reasonCodes) {

    public LineEligibility {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
