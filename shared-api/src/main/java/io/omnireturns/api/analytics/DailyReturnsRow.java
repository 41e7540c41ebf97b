package io.omnireturns.api.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day and one value of the breakdown: what was asked to be returned that day (UTC).
 *
 * @param key          the breakdown's value (a reason, SKU, category, channel or store id); null where the returns
 *                     have none (the store of a web return, the SKU of a line the order did not know)
 * @param currency     the currency of {@code valueMinor}; a day and key with lines in several currencies has a row
 *                     per currency
 * @param returns      returns with at least one line counted in this row
 * @param units        units asked to be returned
 * @param valueMinor   their value at the order's unit prices, before discounts and tax, in minor units
 * @param orderedUnits units bought on the same order lines
 * @param returnRate   {@code units / orderedUnits}, 4 decimals; null when no ordered units are known
 */
public record DailyReturnsRow(LocalDate day, String key, String currency, long returns, long units, long valueMinor,
                              long orderedUnits, BigDecimal returnRate) {
}
