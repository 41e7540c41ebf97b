package io.omnireturns.app;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;

import java.util.UUID;

/** Fresh copies of the documented demo orders under new ids, so tests never share an order's quantities. */
final class TestOrders {

    private TestOrders() {
    }

    static OrderSnapshot copyOf(OrderSnapshot demo) {
        return DemoOrders.copyUnder(demo, "T-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static String line(OrderSnapshot order, int number) {
        return order.orderId() + "-L" + number;
    }
}
