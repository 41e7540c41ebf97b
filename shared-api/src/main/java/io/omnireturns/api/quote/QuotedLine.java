package io.omnireturns.api.quote;

import java.util.List;

/**
 * One line of a quote: how many of the requested units can be returned, and, when fewer than asked, the eligibility
 * reason codes that say why not (the same codes a request's {@code LineDecision} carries, e.g. {@code FINAL_SALE}).
 */
public record QuotedLine(String orderLineId, int requestedQuantity, int returnableQuantity,
                         List<String> notReturnableReasons) {

    public QuotedLine {
        notReturnableReasons = List.copyOf(notReturnableReasons);
    }

    public boolean isReturnable() {
        return returnableQuantity > 0;
    }
}
