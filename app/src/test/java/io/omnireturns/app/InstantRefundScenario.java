package io.omnireturns.app;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.omnireturns.app.ProcessDriver.line;

/** The steps the instant-refund flow tests share: a trusted customer, a parcel in transit, an inspection. */
final class InstantRefundScenario {

    private final Clock clock;
    private final SandboxOrderSystem orders;
    private final ProcessDriver driver;
    private final CommandGateway commands;

    InstantRefundScenario(Clock clock, SandboxOrderSystem orders, ProcessDriver driver, CommandGateway commands) {
        this.clock = clock;
        this.orders = orders;
        this.driver = driver;
        this.commands = commands;
    }

    /** A customer with one small return (a t-shirt of 19.95): their next return is TRUSTED. */
    String trustedCustomer() {
        String customer = newCustomer();
        OrderSnapshot first = register(customer);
        driver.requestWebReturn(first.orderId(), List.of(line(TestOrders.line(first, 3), 1, "SIZE_OR_FIT")),
                "ORIGINAL_TENDER");
        return customer;
    }

    /** Both jackets requested back; once fraud scoring cleared it and the label is out, the carrier scans it. */
    String returnBothJacketsInTransit(OrderSnapshot order) {
        return returnBothJacketsInTransit(order, "ORIGINAL_TENDER");
    }

    String returnBothJacketsInTransit(OrderSnapshot order, String refundMethod) {
        String returnId = driver.requestWebReturn(order.orderId(),
                List.of(line(TestOrders.line(order, 1), 2, "SIZE_OR_FIT")), refundMethod);
        driver.awaitView(returnId, view -> "LABEL_ISSUED".equals(ProcessDriver.system(view, "CARRIER")
                .path("state").asText()));
        commands.sendAndWait(new RecordParcelInTransit(returnId, "DHL", "TRK-" + returnId));
        return returnId;
    }

    /** Both jackets arrive; one is accepted as new, the other torn (rejected). */
    void receiveAndInspectOneTorn(String returnId, OrderSnapshot order, String jackets) {
        driver.receiveAndInspect(returnId, order.fulfilmentLocationId(), Map.of(jackets, 2),
                Map.of(jackets, 1));
    }

    /** A fresh copy of the web apparel order (ORD-1001), bought by {@code customer}. */
    OrderSnapshot register(String customer) {
        OrderSnapshot copy = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        OrderSnapshot order = new OrderSnapshot(copy.orderId(), customer, copy.soldThrough(), copy.soldAtStoreId(),
                copy.placedAt(), copy.fulfilledAt(), copy.fulfilmentLocationId(), copy.currency(), copy.lines(),
                copy.promotions(), copy.shippingCharged(), copy.shippingTax(), copy.tenders());
        orders.register(order);
        return order;
    }

    static String newCustomer() {
        return "CUST-I-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> eventTypes(JdbcTemplate jdbc, String returnId) {
        return jdbc.queryForList("""
                SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                String.class, returnId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
