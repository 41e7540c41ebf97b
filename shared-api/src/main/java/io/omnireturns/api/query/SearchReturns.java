package io.omnireturns.api.query;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ReturnStatus;

import java.time.Instant;

/**
 * Returns matching every filter that is given (a null or blank filter matches all), newest first,
 * one page at a time; answered with a {@link ReturnPage}. {@code createdFrom} (inclusive) and {@code createdTo}
 * (exclusive) bound when the return was requested.
 */
public record SearchReturns(String orderId, String customerId, ReturnStatus status, SalesChannel channel,
                            String storeId, Instant createdFrom, Instant createdTo, int page, int size) {

    /** Without a date range. */
    public SearchReturns(String orderId, String customerId, ReturnStatus status, SalesChannel channel,
                         String storeId, int page, int size) {
        this(orderId, customerId, status, channel, storeId, null, null, page, size);
    }

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
}
