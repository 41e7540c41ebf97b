package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.orders.OrderSnapshot;

import java.util.Optional;

/**
 * The commerce system that owns orders: what was bought, at what price, with which promotions
 * and how it was paid. A return is always checked against the order as this system reports it.
 */
public interface OrderSystem {

    /** The order as it stands now, or empty when the order system does not know the id. */
    Optional<OrderSnapshot> findOrder(String orderId);

    /** Places the replacement order of an exchange; the same idempotency key answers the same order id. */
    String createReplacementOrder(ReplacementRequest request);

    /** The product as sold today (its price, tax included), or empty when the catalogue has no such SKU. */
    Optional<CatalogueItem> catalogueItem(String sku);
}
