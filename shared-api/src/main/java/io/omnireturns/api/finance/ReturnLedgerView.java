package io.omnireturns.api.finance;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundMethod;

import java.util.List;

/** One return as finance sees it: every booking, in the order the return's events happened. */
public record ReturnLedgerView(String returnId, String orderId, SalesChannel channel, String currency,
                               RefundMethod refundMethod, List<LedgerEntryView> entries) {

    public ReturnLedgerView {
        entries = List.copyOf(entries);
    }
}
