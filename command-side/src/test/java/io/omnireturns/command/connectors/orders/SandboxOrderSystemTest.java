package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxOrderSystemTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private static final int DEMO_ORDERS = DemoOrders.all(NOW).size();

    private final SandboxOrderSystem orderSystem = new SandboxOrderSystem(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void finds_every_demo_order_by_its_id() {
        List<String> demoOrderIds = List.of(
                "ORD-1001", "ORD-1002", "ORD-1003", "ORD-1004", "ORD-1005", "ORD-1006", "ORD-1007", "ORD-1008", "ORD-1020", "ORD-1030");

        for (String orderId : demoOrderIds) {
            assertThat(orderSystem.findOrder(orderId)).as(orderId)
                    .hasValueSatisfying(order -> assertThat(order.orderId()).isEqualTo(orderId));
        }
        assertThat(orderSystem.all()).extracting(OrderSnapshot::orderId).containsExactlyElementsOf(demoOrderIds);
    }

    @Test
    void demo_orders_are_placed_relative_to_the_clock_at_start_up() {
        assertThat(placedAt(orderSystem, "ORD-1001")).isEqualTo(NOW.minus(Duration.ofDays(5)));
        assertThat(placedAt(orderSystem, "ORD-1004")).isEqualTo(NOW.minus(Duration.ofDays(120)));
        assertThat(placedAt(orderSystem, "ORD-1006")).isEqualTo(NOW.minus(Duration.ofDays(20)));
    }

    @Test
    void a_sandbox_started_a_year_later_still_has_an_order_placed_five_days_ago() {
        Instant aYearLater = NOW.plus(Duration.ofDays(365));
        SandboxOrderSystem later = new SandboxOrderSystem(Clock.fixed(aYearLater, ZoneOffset.UTC));

        assertThat(placedAt(later, "ORD-1001")).isEqualTo(aYearLater.minus(Duration.ofDays(5)));
    }

    @Test
    void an_order_registered_at_run_time_can_be_found_and_is_listed() {
        OrderSnapshot testOrder = singleLineOrder("ORD-TEST-1");

        orderSystem.register(testOrder);

        assertThat(orderSystem.findOrder("ORD-TEST-1")).contains(testOrder);
        assertThat(orderSystem.all()).contains(testOrder).hasSize(DEMO_ORDERS + 1);
    }

    @Test
    void registering_an_order_with_a_known_id_replaces_it() {
        OrderSnapshot reshaped = singleLineOrder("ORD-1001");

        orderSystem.register(reshaped);

        assertThat(orderSystem.findOrder("ORD-1001")).contains(reshaped);
        assertThat(orderSystem.all()).hasSize(DEMO_ORDERS);
    }

    @Test
    void an_unknown_order_id_gives_nothing() {
        assertThat(orderSystem.findOrder("ORD-9999")).isEmpty();
        assertThat(orderSystem.findOrder(null)).isEmpty();
    }

    @Test
    void orders_registered_concurrently_are_all_kept() throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        IntStream.range(0, 200).forEach(n -> callers.submit(() -> {
            orderSystem.register(singleLineOrder("ORD-CONC-" + n));
            orderSystem.all();
        }));
        callers.shutdown();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(orderSystem.all()).hasSize(DEMO_ORDERS + 200);
    }

    @Nested
    class ReplacementOrders {

        @Test
        void a_replacement_order_is_placed_once_and_kept() {
            String orderId = orderSystem.createReplacementOrder(exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 1));

            assertThat(orderId).isEqualTo("ORD-R-000001");
            assertThat(orderSystem.replacementOrders()).containsExactly(new SandboxOrderSystem.ReplacementOrder(
                    "R-1:REPLACEMENT_ORDER", "ORD-R-000001", "R-1", "ORD-1001", "CUST-100",
                    List.of(new ReplacementRequest.Item("ORD-1001-L1", "JKT-RAIN-NVY-L", 1)), NOW));
        }

        @Test
        void the_same_request_again_answers_the_same_order_and_places_nothing_more() {
            String first = orderSystem.createReplacementOrder(exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 1));

            assertThat(orderSystem.createReplacementOrder(exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 1)))
                    .isEqualTo(first);
            assertThat(orderSystem.replacementOrders()).hasSize(1);
        }

        @Test
        void another_request_under_a_used_key_is_refused_as_a_conflict() {
            orderSystem.createReplacementOrder(exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 1));

            assertRejected(() -> orderSystem.createReplacementOrder(
                    exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 2)),
                    "IDEMPOTENCY_CONFLICT");
            assertThat(orderSystem.replacementOrders()).hasSize(1);
        }

        @Test
        void different_returns_get_different_orders() {
            orderSystem.createReplacementOrder(exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 1));
            orderSystem.createReplacementOrder(exchange("R-2:REPLACEMENT_ORDER", "ORD-1001-L1", 1));

            assertThat(orderSystem.replacementOrders()).extracting(SandboxOrderSystem.ReplacementOrder::orderId)
                    .containsExactly("ORD-R-000001", "ORD-R-000002");
        }

        @Test
        void items_of_an_unknown_order_or_line_are_refused() {
            ReplacementRequest unknownOrder = new ReplacementRequest("R-1:REPLACEMENT_ORDER", "R-1", "ORD-9999",
                    "CUST-100", List.of(new ReplacementRequest.Item("ORD-9999-L1", "JKT-RAIN-NVY-L", 1)));

            assertRejected(() -> orderSystem.createReplacementOrder(unknownOrder), "ORDER_NOT_FOUND");
            assertRejected(() -> orderSystem.createReplacementOrder(
                    exchange("R-2:REPLACEMENT_ORDER", "ORD-1001-L9", 1)),
                    "ORDER_LINE_NOT_FOUND");
            assertThat(orderSystem.replacementOrders()).isEmpty();
        }

        @Test
        void more_units_than_were_bought_are_refused_even_when_split_over_items() {
            // ORD-1001-L1 is two jackets
            ReplacementRequest threeJackets = new ReplacementRequest("R-1:REPLACEMENT_ORDER", "R-1", "ORD-1001",
                    "CUST-100", List.of(new ReplacementRequest.Item("ORD-1001-L1", "JKT-RAIN-NVY-L", 2),
                    new ReplacementRequest.Item("ORD-1001-L1", "JKT-RAIN-BLK-M", 1)));

            assertRejected(() -> orderSystem.createReplacementOrder(threeJackets), "QUANTITY_EXCEEDS_ORDER");
            assertRejected(() -> orderSystem.createReplacementOrder(
                    exchange("R-2:REPLACEMENT_ORDER", "ORD-1001-L1", 0)),
                    "INVALID_REQUEST");
            assertThat(orderSystem.replacementOrders()).isEmpty();
        }

        @Test
        void an_injected_failure_is_retryable_and_places_nothing() {
            orderSystem.behaviour().setFailureRate(1.0);

            assertUnavailable(() -> orderSystem.createReplacementOrder(
                    exchange("R-1:REPLACEMENT_ORDER", "ORD-1001-L1", 1)));
            assertUnavailable(() -> orderSystem.findOrder("ORD-1001"));
            assertThat(orderSystem.replacementOrders()).isEmpty();
            assertThat(orderSystem.registered("ORD-1001")).isPresent();
        }

        private static ReplacementRequest exchange(String key, String lineId, int quantity) {
            return new ReplacementRequest(key, key.substring(0, key.indexOf(':')), "ORD-1001", "CUST-100",
                    List.of(new ReplacementRequest.Item(lineId, "JKT-RAIN-NVY-L", quantity)));
        }
    }

    private static Instant placedAt(SandboxOrderSystem orderSystem, String orderId) {
        return orderSystem.findOrder(orderId).orElseThrow().placedAt();
    }

    private static OrderSnapshot singleLineOrder(String orderId) {
        Money price = Money.of(1000, "EUR");
        Money tax = Money.of(200, "EUR");
        Money zero = Money.zero("EUR");
        return new OrderSnapshot(orderId, "CUST-TEST", SalesChannel.WEB, null,
                NOW.minus(Duration.ofDays(1)), NOW, "DC-EAST", "EUR",
                List.of(new OrderLine(orderId + "-L1", "SKU-TEST", "Test item", "apparel", 1, price, zero, tax, false)),
                List.of(), zero, zero,
                List.of(new Tender(orderId + "-T1", TenderType.CARD, price.plus(tax), "PSP-TEST")));
    }
}
