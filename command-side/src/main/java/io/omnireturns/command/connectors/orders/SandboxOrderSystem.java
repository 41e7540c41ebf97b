package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.orders.OrderSnapshot;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An order system that lives in the process, so the whole return flow works on a fresh machine
 * without a real commerce backend. It starts with the {@link DemoOrders}, dated relative to the
 * clock at start-up, and accepts more orders at run time (tests register their own).
 */
public class SandboxOrderSystem implements OrderSystem {

    // Sorted by order id so listings are stable for people and tests.
    private final ConcurrentSkipListMap<String, OrderSnapshot> ordersById = new ConcurrentSkipListMap<>();

    /** Seeded with the demo orders, placed relative to {@code clock}'s "now". */
    public SandboxOrderSystem(Clock clock) {
        // Whole seconds: the dates read better in JSON and in the demo walkthrough.
        DemoOrders.all(clock.instant().truncatedTo(ChronoUnit.SECONDS)).forEach(this::register);
    }

    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        if (orderId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ordersById.get(orderId));
    }

    /** Adds an order, or replaces the one with the same id (so a test can reshape a demo order). */
    public void register(OrderSnapshot order) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(order.orderId(), "order.orderId");
        ordersById.put(order.orderId(), order);
    }

    /** Every order the sandbox knows, by order id. */
    public List<OrderSnapshot> all() {
        return List.copyOf(ordersById.values());
    }
}
