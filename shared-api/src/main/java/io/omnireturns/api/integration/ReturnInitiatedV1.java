package io.omnireturns.api.integration;

import java.util.List;

/**
 * {@code io.omnireturns.return.initiated.v1}: a customer asked to return lines of an order, through a channel.
 *
 * @param customerId the order system's pseudonymous customer id (no name, e-mail or address)
 * @param storeId    the store a store return was started in (null for other channels)
 * @param lines      the lines asked for, with what the order says of them
 */
public record ReturnInitiatedV1(String returnId, String orderId, String customerId, String channel, String storeId,
                                List<ReturnLineV1> lines) {
}
