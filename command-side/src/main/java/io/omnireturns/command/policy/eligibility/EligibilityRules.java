package io.omnireturns.command.policy.eligibility;

import io.omnireturns.api.orders.SalesChannel;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The retailer's return policy as data.
 *
 * @param defaultWindowDays                   days after fulfilment (or placement) during which a line may be returned
 * @param windowDaysByCategory                a different window for some product categories (matched ignoring case)
 * @param finalSaleReturnableWhenRetailerFault whether a final-sale item may still come back when the retailer is at fault
 * @param allowedReturnChannels               per channel an order was sold through, the channels that may take it back;
 *                                            a sold-through channel that is not listed may be returned anywhere
 */
public record EligibilityRules(int defaultWindowDays,
                               Map<String, Integer> windowDaysByCategory,
                               boolean finalSaleReturnableWhenRetailerFault,
                               Map<SalesChannel, Set<SalesChannel>> allowedReturnChannels) {

    public EligibilityRules {
        if (defaultWindowDays < 0) {
            throw new IllegalArgumentException("default return window must not be negative, got " + defaultWindowDays);
        }
        windowDaysByCategory = normalizedCategoryWindows(windowDaysByCategory);
        allowedReturnChannels = completedChannelRules(allowedReturnChannels);
    }

    public static EligibilityRules defaults() {
        return new EligibilityRules(
                30,
                Map.of("electronics", 14),
                true,
                // a marketplace seller's goods are not ours to take back over the counter
                Map.of(SalesChannel.MARKETPLACE,
                        EnumSet.of(SalesChannel.WEB, SalesChannel.CONTACT_CENTRE, SalesChannel.MARKETPLACE)));
    }

    public int windowDaysFor(String category) {
        if (category == null) {
            return defaultWindowDays;
        }
        return windowDaysByCategory.getOrDefault(category.toLowerCase(Locale.ROOT), defaultWindowDays);
    }

    public boolean allowsReturn(SalesChannel soldThrough, SalesChannel returnChannel) {
        return allowedReturnChannels.get(soldThrough).contains(returnChannel);
    }

    private static Map<String, Integer> normalizedCategoryWindows(Map<String, Integer> windows) {
        Map<String, Integer> normalized = new HashMap<>();
        if (windows != null) {
            windows.forEach((category, days) -> {
                Objects.requireNonNull(category, "category");
                if (days == null || days < 0) {
                    throw new IllegalArgumentException("return window for " + category + " must be zero or more days");
                }
                Integer clash = normalized.put(category.toLowerCase(Locale.ROOT), days);
                if (clash != null && !clash.equals(days)) {
                    throw new IllegalArgumentException("category " + category + " has two return windows");
                }
            });
        }
        return Map.copyOf(normalized);
    }

    private static Map<SalesChannel, Set<SalesChannel>> completedChannelRules(Map<SalesChannel, Set<SalesChannel>> rules) {
        Map<SalesChannel, Set<SalesChannel>> completed = new EnumMap<>(SalesChannel.class);
        for (SalesChannel soldThrough : SalesChannel.values()) {
            Set<SalesChannel> allowed = rules == null ? null : rules.get(soldThrough);
            completed.put(soldThrough, allowed == null ? Set.of(SalesChannel.values()) : Set.copyOf(allowed));
        }
        return Map.copyOf(completed);
    }
}
