package io.omnireturns.console.finance;

import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinanceFormatTest {

    private final FinanceFormat format = new FinanceFormat();

    @Test
    void money_is_shown_exactly_in_the_currencys_own_minor_units() {
        assertThat(format.money(Money.of(123456, "EUR"))).isEqualTo("1,234.56 EUR");
        assertThat(format.money(Money.of(-5, "EUR"))).isEqualTo("-0.05 EUR");
        assertThat(format.money(Money.of(1235, "JPY"))).isEqualTo("1,235 JPY");
        assertThat(format.money(Money.of(1234, "KWD"))).isEqualTo("1.234 KWD");
        assertThat(format.money(Money.of(Long.MAX_VALUE, "EUR"))).isEqualTo("92,233,720,368,547,758.07 EUR");
        assertThat(format.money(null)).isEqualTo("—");
    }

    @Test
    void kinds_read_as_words_and_durations_as_hours() {
        assertThat(format.words(DiscrepancyKind.REFUND_WITHOUT_CREDIT_MEMO)).isEqualTo("Refund without credit memo");
        assertThat(format.hours(5400.0)).isEqualTo("1.5 h");
        assertThat(format.percent(0.25)).isEqualTo("25.0 %");
        assertThat(format.hours(null)).isEqualTo("—");
    }
}
