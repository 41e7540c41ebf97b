package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.orders.OrderSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's shopper contacts and customer order lists, which the shopper portal's look-up and home page read. */
class SandboxShopperContactTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final SandboxOrderSystem orders = new SandboxOrderSystem(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void every_demo_order_has_its_customers_email_and_postcode_and_a_copy_shares_them() {
        for (OrderSnapshot order : orders.all()) {
            assertThat(orders.findContact(order.orderId())).as(order.orderId()).isPresent();
        }
        OrderSnapshot copy = DemoOrders.copyUnder(DemoOrders.webApparelOrder(NOW), "ORD-1001-copy");
        orders.register(copy);

        assertThat(orders.findContact("ORD-1001-copy")).contains(new OrderContact("alex.morgan@example.com", "10115"));
        assertThat(orders.findContact("ORD-9999")).isEmpty();
    }

    @Test
    void an_email_matches_in_any_case_and_a_postcode_with_any_spacing_nothing_else_does() {
        OrderContact contact = new OrderContact("kim.jansen@example.com", "1011 AB");

        assertThat(contact.matches(" KIM.Jansen@example.com ")).isTrue();
        assertThat(contact.matches("1011ab")).isTrue();
        assertThat(contact.matches("1011 AB")).isTrue();
        assertThat(contact.matches("kim.jansen@example.org")).isFalse();
        assertThat(contact.matches("1011")).isFalse();
        assertThat(contact.matches("")).isFalse();
        assertThat(contact.matches(null)).isFalse();
    }

    @Test
    void a_customers_orders_are_theirs_only_newest_first() {
        assertThat(orders.findOrdersOfCustomer("CUST-100")).extracting(OrderSnapshot::orderId)
                .containsExactly("ORD-1001", "ORD-1004");
        assertThat(orders.findOrdersOfCustomer("CUST-999")).isEmpty();
    }
}
