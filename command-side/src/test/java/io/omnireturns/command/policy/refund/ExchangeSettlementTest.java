package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.money.MoneyException;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.TenderRefund;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The charge arithmetic of an exchange at a different price, by example (ORD-1001's jacket is 107.94). */
class ExchangeSettlementTest {

    @Test
    void a_dearer_replacement_charges_the_difference_less_the_bonus() {
        ExchangeSettlement settlement = ExchangeSettlement.of(eur(10_794), eur(539), eur(14_994));

        assertThat(settlement.charge()).isEqualTo(eur(3_661));
        assertThat(settlement.refund()).isEqualTo(eur(0));
        assertThat(settlement.charges()).isTrue();
    }

    @Test
    void a_cheaper_replacement_refunds_the_difference_and_charges_nothing() {
        ExchangeSettlement settlement = ExchangeSettlement.of(eur(7_194), eur(0), eur(4_794));

        assertThat(settlement.refund()).isEqualTo(eur(2_400));
        assertThat(settlement.charge()).isEqualTo(eur(0));
    }

    @Test
    void a_replacement_at_the_same_price_without_bonus_is_even() {
        assertThat(ExchangeSettlement.of(eur(10_794), eur(0), eur(10_794)).even()).isTrue();
    }

    @Test
    void the_exchange_bonus_is_rounded_down() {
        // 5 % of 107.94 is 5.397
        assertThat(new SettlementTerms(0, 500).exchangeBonus(eur(10_794))).isEqualTo(eur(539));
        // 10 % of 107.94 is 10.794
        assertThat(new SettlementTerms(1_000, 0).storeCreditBonus(eur(10_794))).isEqualTo(eur(1_079));
    }

    @Test
    void a_refunded_difference_goes_back_to_the_tenders_the_value_came_from_and_a_bonus_beyond_as_store_credit() {
        ExchangeSettlement settlement = ExchangeSettlement.of(eur(10_000), eur(1_000), eur(500));
        List<TenderRefund> valueSplit = List.of(new TenderRefund("T1", TenderType.CARD, eur(6_000)),
                new TenderRefund("T2", TenderType.GIFT_CARD, eur(4_000)));

        assertThat(settlement.refundTenders(valueSplit)).containsExactly(
                new TenderRefund("T1", TenderType.CARD, eur(6_000)),
                new TenderRefund("T2", TenderType.GIFT_CARD, eur(4_000)),
                new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, eur(500)));
    }

    @Test
    void a_settlement_that_refunds_and_charges_at_once_cannot_be_made() {
        assertThatThrownBy(() -> new ExchangeSettlement(eur(100), eur(0), eur(100), eur(10), eur(10)))
                .isInstanceOf(MoneyException.class);
    }

    @Test
    void bonus_rates_outside_zero_to_one_whole_are_refused() {
        assertThatThrownBy(() -> new SettlementTerms(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementTerms(0, 10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
