package io.omnireturns.query.finance;

import io.omnireturns.api.orders.SalesChannel;

import java.util.List;

/** Every booking of one return, in the order its events happened. */
record ReturnBookings(String returnId, String orderId, SalesChannel channel, List<LedgerEntry> entries) {

    ReturnBookings {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("return " + returnId + " has no bookings");
        }
        entries = List.copyOf(entries);
    }

    /** The return's currency: every booking of a return is in the currency of its order. */
    String currency() {
        return entries.get(0).amount().currency();
    }
}
