package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;

/** Refunds, credit memos and exchanges booked in a period for returns started in one channel, in one currency. */
public record ChannelTotals(String currency, SalesChannel channel,
                            Money refundsIssued, long refundCount,
                            Money creditMemosPosted, long creditMemoCount,
                            Money exchanges, long exchangeCount) {
}
