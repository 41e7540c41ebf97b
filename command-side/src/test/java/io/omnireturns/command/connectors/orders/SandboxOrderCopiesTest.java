package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's endless supply of orders: prefixed ids resolve to copies of the demo orders. */
class SandboxOrderCopiesTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SandboxOrderSystem withCopies =
            new SandboxOrderSystem(SandboxBehaviour.immediate(ExternalSystem.ORDER), CLOCK, "BENCH-");

    @Test
    void a_prefixed_id_is_a_copy_of_the_demo_order_with_that_number_under_the_asked_id() {
        OrderSnapshot demo = DemoOrders.webApparelOrder(NOW);

        OrderSnapshot copy = withCopies.findOrder("BENCH-1001-42").orElseThrow();

        assertThat(copy.orderId()).isEqualTo("BENCH-1001-42");
        assertThat(copy.lines()).extracting(OrderLine::lineId)
                .containsExactly("BENCH-1001-42-L1", "BENCH-1001-42-L2", "BENCH-1001-42-L3");
        assertThat(copy.tenders()).extracting(Tender::tenderId).containsExactly("BENCH-1001-42-T1");
        assertThat(copy.lines()).extracting(OrderLine::quantity)
                .containsExactlyElementsOf(demo.lines().stream().map(OrderLine::quantity).toList());
        assertThat(copy.customerId()).isEqualTo(demo.customerId());
        assertThat(copy.placedAt()).isEqualTo(demo.placedAt());
        assertThat(copy.tenders().get(0).amount()).isEqualTo(demo.tenders().get(0).amount());
    }

    @Test
    void promotions_of_a_copy_point_at_the_copy_s_lines() {
        OrderSnapshot copy = withCopies.findOrder("BENCH-1002-7").orElseThrow();

        assertThat(copy.promotions()).isNotEmpty();
        assertThat(copy.promotions()).allSatisfy(promotion -> assertThat(promotion.appliesToLineIds())
                .allSatisfy(lineId -> assertThat(lineId).startsWith("BENCH-1002-7-L")));
    }

    @Test
    void every_lookup_of_a_copy_answers_the_same_order() {
        assertThat(withCopies.findOrder("BENCH-1005-x")).isEqualTo(withCopies.findOrder("BENCH-1005-x"));
        assertThat(withCopies.registered("BENCH-1005-x")).isEqualTo(withCopies.findOrder("BENCH-1005-x"));
    }

    @Test
    void copies_are_derived_not_stored() {
        withCopies.findOrder("BENCH-1001-1");

        assertThat(withCopies.all()).extracting(OrderSnapshot::orderId).noneMatch(id -> id.startsWith("BENCH-"));
    }

    @Test
    void ids_that_name_no_demo_order_are_unknown() {
        for (String orderId : List.of("BENCH-", "BENCH-1001", "BENCH-1001-", "BENCH-9999-1", "BENCH--1", "X-1001-1")) {
            assertThat(withCopies.findOrder(orderId)).as(orderId).isEmpty();
        }
    }

    @Test
    void without_a_prefix_there_are_no_copies() {
        SandboxOrderSystem plain = new SandboxOrderSystem(SandboxBehaviour.immediate(ExternalSystem.ORDER), CLOCK);

        assertThat(plain.findOrder("BENCH-1001-42")).isEmpty();
        assertThat(plain.findOrder("1001-42")).isEmpty();
    }

    @Test
    void a_replacement_order_can_be_placed_for_a_copy() {
        String orderId = withCopies.createReplacementOrder(new ReplacementRequest("key-1", "RET-1", "BENCH-1001-42",
                "CUST-100", List.of(new ReplacementRequest.Item("BENCH-1001-42-L1", "JKT-RAIN-NVY-L", 1))));

        assertThat(withCopies.replacementOrders()).singleElement()
                .satisfies(order -> assertThat(order.orderId()).isEqualTo(orderId));
    }
}
