package io.omnireturns.command.policy.keepit;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which authorized lines the customer keeps: by unit price per currency, or by category. */
class KeepItPolicyTest {

    private static final KeepItPolicy UNDER_15_EUR_AND_BEAUTY =
            new KeepItPolicy(Map.of("EUR", eur(1500)), Set.of("Beauty"));

    private static final OrderSnapshot ORDER = anOrder()
            .with(line("CHEAP", "apparel", 1499))
            .with(line("AT-LIMIT", "apparel", 1500))
            .with(line("LIPSTICK", "beauty", 2500))
            .with(line("COAT", "apparel", 12000))
            .paidWith("T1", TenderType.CARD, 100000)
            .build();

    @Test
    void a_line_under_the_limit_of_its_currency_is_kept_for_its_whole_authorized_quantity() {
        assertThat(UNDER_15_EUR_AND_BEAUTY.keptLines(ORDER, List.of(authorized("CHEAP", 2, 1))))
                .containsExactly(new KeptLine("CHEAP", 1, KeepItPolicy.KEEP_IT_UNDER_VALUE));
    }

    @Test
    void a_line_priced_exactly_at_the_limit_comes_back() {
        assertThat(UNDER_15_EUR_AND_BEAUTY.keptLines(ORDER, List.of(authorized("AT-LIMIT", 1, 1)))).isEmpty();
    }

    @Test
    void a_listed_category_is_kept_whatever_its_price_and_matched_ignoring_case() {
        assertThat(UNDER_15_EUR_AND_BEAUTY.keptLines(ORDER, List.of(authorized("LIPSTICK", 2, 2))))
                .containsExactly(new KeptLine("LIPSTICK", 2, KeepItPolicy.KEEP_IT_CATEGORY));
    }

    @Test
    void a_refused_line_is_never_kept() {
        assertThat(UNDER_15_EUR_AND_BEAUTY.keptLines(ORDER, List.of(authorized("CHEAP", 1, 0)))).isEmpty();
    }

    @Test
    void a_currency_without_a_limit_keeps_nothing_by_price() {
        KeepItPolicy poundsOnly = new KeepItPolicy(Map.of("GBP", Money.of(1500, "GBP")), Set.of());

        assertThat(poundsOnly.keptLines(ORDER, List.of(authorized("CHEAP", 1, 1)))).isEmpty();
    }

    @Test
    void a_mixed_return_keeps_only_its_cheap_lines() {
        List<KeptLine> kept = UNDER_15_EUR_AND_BEAUTY.keptLines(ORDER,
                List.of(authorized("CHEAP", 1, 1), authorized("COAT", 1, 1)));

        assertThat(kept).extracting(KeptLine::orderLineId).containsExactly("CHEAP");
    }

    @Test
    void by_default_personal_care_and_items_under_five_euros_are_kept() {
        OrderSnapshot order = anOrder().with(line("BALM", "personal-care", 395)).with(line("TEE", "apparel", 1995))
                .with(line("PIN", "apparel", 499)).paidWith("T1", TenderType.CARD, 10000).build();

        assertThat(KeepItPolicy.defaults().keptLines(order,
                List.of(authorized("BALM", 1, 1), authorized("TEE", 1, 1), authorized("PIN", 1, 1))))
                .extracting(KeptLine::orderLineId).containsExactly("BALM", "PIN");
    }

    @Test
    void configured_limits_in_major_units_become_exact_money_and_replace_the_defaults() {
        KeepItPolicy configured = new KeepItProperties(Map.of("EUR", new BigDecimal("14.99")), List.of()).policy();

        assertThat(configured.keptLines(ORDER, List.of(authorized("CHEAP", 1, 1), authorized("LIPSTICK", 1, 1))))
                .isEmpty(); // 14.99 is not under 14.99, and no category is listed any more
        assertThatThrownBy(() -> new KeepItProperties(Map.of("EUR", new BigDecimal("0.001")), null).policy())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_limit_in_another_currency_than_its_key_is_refused() {
        assertThatThrownBy(() -> new KeepItPolicy(Map.of("EUR", Money.of(100, "GBP")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderLine line(String lineId, String category, long unitPrice) {
        return new OrderLine(lineId, "SKU-" + lineId, "item " + lineId, category, 2, eur(unitPrice), eur(0), eur(0),
                false);
    }

    private static LineDecision authorized(String lineId, int requested, int authorized) {
        return new LineDecision(lineId, requested, authorized, authorized == 0 ? List.of("FINAL_SALE") : List.of());
    }
}
