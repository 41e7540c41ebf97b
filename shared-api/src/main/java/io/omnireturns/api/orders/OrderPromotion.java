package io.omnireturns.api.orders;

import io.omnireturns.api.money.Money;

import java.util.List;

/**
 * An order-level promotion: an order discount over all lines, or a bundle discount over the lines it names.
 * Its amount is prorated over those lines by their net price, largest remainder first.
 */
public record OrderPromotion(String code, PromotionKind kind, Money amount, List<String> appliesToLineIds) {

    public OrderPromotion {
        appliesToLineIds = List.copyOf(appliesToLineIds);
    }

    public boolean appliesTo(String lineId) {
        return appliesToLineIds.isEmpty() || appliesToLineIds.contains(lineId);
    }
}
