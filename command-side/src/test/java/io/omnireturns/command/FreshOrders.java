package io.omnireturns.command;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;

import java.util.UUID;

/** Copies of demo orders under new ids, so tests never share an order's returnable quantities. */
public final class FreshOrders {

    private FreshOrders() {
    }

    /** A copy of the demo web order ORD-1001, registered with the sandbox order system; answers its id. */
    public static String copyOfWebApparelOrder(SandboxOrderSystem orders) {
        OrderSnapshot demo = orders.findOrder(DemoOrders.WEB_APPAREL_ORDER_ID).orElseThrow();
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
        orders.register(DemoOrders.copyUnder(demo, id));
        return id;
    }
}
