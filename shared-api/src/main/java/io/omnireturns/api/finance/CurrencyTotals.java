package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;

/**
 * Everything booked in a period in one currency. Counts are of bookings: refunds and credit memos once each,
 * whatever the number of tenders. {@code merchandise} + {@code taxAdjustments} - {@code restockingFees} -
 * {@code conditionDeductions} + {@code shippingRefunds} is what the credit memos of the period were approved at.
 */
public record CurrencyTotals(String currency,
                             Money refundsIssued, long refundCount,
                             Money refundsSettled, long settlementCount,
                             Money refundsFailed, long failureCount,
                             Money creditMemosPosted, long creditMemoCount,
                             Money exchanges, long exchangeCount,
                             Money merchandise, Money taxAdjustments, Money restockingFees,
                             Money conditionDeductions, Money shippingRefunds,
                             long inventoryQuantity, Money inventoryValue) {
}
