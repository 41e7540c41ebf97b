package io.omnireturns.app;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;

import java.util.UUID;

/** Fresh copies of the documented demo orders under new ids, so tests never share an order's quantities. */
final class TestOrders {

    private TestOrders() {
    }

    static OrderSnapshot copyOf(OrderSnapshot demo) {
        return DemoOrders.copyUnder(demo, "T-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A fresh copy of {@code demo}, known to the sandbox order system from now on. */
    static OrderSnapshot registeredCopy(SandboxOrderSystem orders, OrderSnapshot demo) {
        OrderSnapshot order = copyOf(demo);
        orders.register(order);
        return order;
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static String line(OrderSnapshot order, int number) {
        return order.orderId() + "-L" + number;
    }
}
