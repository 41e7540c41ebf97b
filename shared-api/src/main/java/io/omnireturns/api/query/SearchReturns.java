package io.omnireturns.api.query;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ReturnStatus;

/**
 * Returns matching every filter that is given (a null or blank filter matches all), newest first,
 * one page at a time; answered with a {@link ReturnPage}.
 */
public record SearchReturns(String orderId, String customerId, ReturnStatus status, SalesChannel channel,
                            String storeId, int page, int size) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
}
