package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;

/**
 * Refunds booked in a period to one kind of tender, in one currency. {@code refundCount} counts the refunds that
 * paid (partly) to this kind of tender; {@code tenderType} is null for refunds that could not be split over the
 * approved tenders (their amount differed from the approved total).
 */
public record TenderTotals(String currency, TenderType tenderType, Money refundsIssued, long refundCount) {
}
