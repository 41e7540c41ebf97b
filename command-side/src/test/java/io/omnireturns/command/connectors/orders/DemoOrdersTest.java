package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.Tender;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrdersTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final long VAT_PERCENT = 20;

    static Stream<Named<OrderSnapshot>> demoOrders() {
        return DemoOrders.all(NOW).stream().map(order -> Named.of(order.orderId(), order));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoOrders")
    void tenders_add_up_to_exactly_what_the_order_cost(OrderSnapshot order) {
        Money tendered = Money.sum(order.tenders().stream().map(Tender::amount).toList(), order.currency());

        assertThat(tendered).isEqualTo(amountCharged(order));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoOrders")
    void every_line_is_taxed_at_twenty_percent_of_its_price_net_of_all_promotions(OrderSnapshot order) {
        List<Money> netOfPromotions = netOfPromotions(order);

        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            assertThat(line.tax().minor() * 100)
                    .as("tax of %s", line.lineId())
                    .isEqualTo(netOfPromotions.get(i).minor() * VAT_PERCENT);
        }
        assertThat(order.shippingTax().minor() * 100).isEqualTo(order.shippingCharged().minor() * VAT_PERCENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoOrders")
    void every_amount_is_in_the_order_currency(OrderSnapshot order) {
        List<Money> amounts = new ArrayList<>();
        order.lines().forEach(l -> amounts.addAll(List.of(l.unitPrice(), l.lineDiscount(), l.tax())));
        order.promotions().forEach(p -> amounts.add(p.amount()));
        order.tenders().forEach(t -> amounts.add(t.amount()));
        amounts.addAll(List.of(order.shippingCharged(), order.shippingTax()));

        assertThat(amounts).extracting(Money::currency).containsOnly(order.currency());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoOrders")
    void line_ids_are_the_order_id_and_a_line_number(OrderSnapshot order) {
        List<String> expected = IntStream.rangeClosed(1, order.lines().size())
                .mapToObj(n -> order.orderId() + "-L" + n).toList();

        assertThat(order.lines()).extracting(OrderLine::lineId).containsExactlyElementsOf(expected);
        order.promotions().forEach(promotion ->
                assertThat(expected).containsAll(promotion.appliesToLineIds()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoOrders")
    void the_order_is_fulfilled_at_or_after_it_was_placed(OrderSnapshot order) {
        assertThat(order.fulfilledAt()).isAfterOrEqualTo(order.placedAt());
        assertThat(order.placedAt()).isBefore(NOW);
    }

    /** Merchandise net of line discounts and promotions, plus line tax, shipping and shipping tax. */
    static Money amountCharged(OrderSnapshot order) {
        Money total = order.shippingCharged().plus(order.shippingTax());
        for (OrderLine line : order.lines()) {
            total = total.plus(line.grossAmount()).minus(line.lineDiscount()).plus(line.tax());
        }
        for (OrderPromotion promotion : order.promotions()) {
            total = total.minus(promotion.amount());
        }
        return total;
    }

    /**
     * Each line's price after its line discount and its largest-remainder share of every
     * promotion, the promotion weighted by the price net of line discount of the lines it covers.
     */
    private static List<Money> netOfPromotions(OrderSnapshot order) {
        List<Money> net = new ArrayList<>(order.lines().stream()
                .map(l -> l.grossAmount().minus(l.lineDiscount())).toList());
        List<Money> beforePromotions = List.copyOf(net);
        for (OrderPromotion promotion : order.promotions()) {
            List<Integer> covered = IntStream.range(0, order.lines().size())
                    .filter(i -> promotion.appliesTo(order.lines().get(i).lineId())).boxed().toList();
            List<Money> shares = promotion.amount()
                    .allocate(covered.stream().map(i -> beforePromotions.get(i).minor()).toList());
            for (int k = 0; k < covered.size(); k++) {
                int i = covered.get(k);
                net.set(i, net.get(i).minus(shares.get(k)));
            }
        }
        return net;
    }
}
