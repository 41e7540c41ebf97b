package io.omnireturns.api.returns;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The eligibility outcome for one requested line: the authorized quantity (zero when refused)
 * and the reason codes behind it, e.g. {@code RETURN_WINDOW_EXPIRED}, {@code FINAL_SALE},
 * {@code QUANTITY_EXCEEDS_REMAINING}.
 */
public record LineDecision(String orderLineId, int requestedQuantity, int authorizedQuantity, List<String> reasonCodes) {

    public LineDecision {
        reasonCodes = List.copyOf(reasonCodes);
    }

    @JsonIgnore
    public boolean isAuthorized() {
        return authorizedQuantity > 0;
    }
}
