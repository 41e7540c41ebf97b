package io.omnireturns.command.policy.keepit;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Keep it" (green) returns: which authorized lines cost more to bring back than they are worth, decided at request
 * time. A line is kept when its unit price is under the limit for the order's currency (a currency without a limit
 * keeps nothing by price) or its category is listed (ignoring case). Plain domain code: no Axon, no Spring.
 */
@PlainJava
public final class KeepItPolicy {

    public static final String KEEP_IT_UNDER_VALUE = "KEEP_IT_UNDER_VALUE";
    public static final String KEEP_IT_CATEGORY = "KEEP_IT_CATEGORY";

    private final Map<String, Money> maxUnitPrice;
    private final Set<String> categories;

    /**
     * @param maxUnitPrice per currency, the unit price a kept line stays under (strictly)
     * @param categories   product categories that are always kept
     */
    public KeepItPolicy(Map<String, Money> maxUnitPrice, Set<String> categories) {
        maxUnitPrice.forEach((currency, limit) -> {
            if (!limit.currency().equals(currency) || limit.isNegative()) {
                throw new IllegalArgumentException("keep-it limit for " + currency + " must be a non-negative "
                        + currency + " amount, got " + limit);
            }
        });
        this.maxUnitPrice = Map.copyOf(maxUnitPrice);
        this.categories = categories.stream().map(category -> category.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Kept by default: anything under 5.00 EUR or 5.00 GBP ... */
    public static final Map<String, Money> DEFAULT_MAX_UNIT_PRICE =
            Map.of("EUR", Money.of(500, "EUR"), "GBP", Money.of(500, "GBP"));
    /** ... and personal care, which hygiene keeps out of resale. */
    public static final Set<String> DEFAULT_CATEGORIES = Set.of("personal-care");

    public static KeepItPolicy defaults() {
        return new KeepItPolicy(DEFAULT_MAX_UNIT_PRICE, DEFAULT_CATEGORIES);
    }

    /** The authorized lines the customer keeps, each for its whole authorized quantity; empty when none. */
    public List<KeptLine> keptLines(OrderSnapshot order, List<LineDecision> decisions) {
        List<KeptLine> kept = new ArrayList<>();
        for (LineDecision decision : decisions) {
            if (!decision.isAuthorized()) {
                continue;
            }
            order.line(decision.orderLineId()).map(this::rule).filter(rule -> !rule.isEmpty())
                    .ifPresent(rule -> kept.add(new KeptLine(decision.orderLineId(), decision.authorizedQuantity(),
                            rule)));
        }
        return List.copyOf(kept);
    }

    /** The rule that keeps the line, or empty when it comes back. */
    private String rule(OrderLine line) {
        if (line.category() != null && categories.contains(line.category().toLowerCase(Locale.ROOT))) {
            return KEEP_IT_CATEGORY;
        }
        Money limit = maxUnitPrice.get(line.unitPrice().currency());
        if (limit != null && limit.isGreaterThan(line.unitPrice())) {
            return KEEP_IT_UNDER_VALUE;
        }
        return "";
    }
}
