package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoyaltyRestorationTest {

    @ParameterizedTest(name = "{0} reversed, {1} charged back of {2} refunded: {3} given back")
    @CsvSource({
            "120, 6000, 12000, 60",   // half charged back: half the points
            "10, 516, 1032, 5",       // exactly half of 10.32
            "10, 300, 1032, 2",       // 2.9 points: rounded down
            "10, 1, 1032, 0",         // a cent charged back: less than a point
            "118, 11874, 11874, 118", // all of it charged back: all the points, never more
            "0, 6000, 12000, 0"})     // nothing was reversed (under a major unit refunded)
    void the_points_of_the_share_charged_back_rounded_down(long reversed, long charged, long refunded, long restored) {
        assertThat(LoyaltyRestoration.pointsToRestore(reversed, eur(charged), eur(refunded))).isEqualTo(restored);
    }

    @Test
    void points_near_the_long_range_are_figured_exactly() {
        long reversed = Long.MAX_VALUE / 2;

        assertThat(LoyaltyRestoration.pointsToRestore(reversed, eur(999_999_999L), eur(1_000_000_000L)))
                .isEqualTo(java.math.BigInteger.valueOf(reversed).multiply(java.math.BigInteger.valueOf(999_999_999L))
                        .divide(java.math.BigInteger.valueOf(1_000_000_000L)).longValueExact());
    }

    @Test
    void nothing_charged_back_gives_nothing_back() {
        assertThat(LoyaltyRestoration.pointsToRestore(120, eur(0), eur(12_000))).isZero();
        assertThat(LoyaltyRestoration.pointsToRestore(120, null, eur(12_000))).isZero();
    }

    @Test
    void a_clawback_in_another_currency_than_the_refund_is_a_programming_error() {
        assertThatThrownBy(() -> LoyaltyRestoration.pointsToRestore(120, Money.of(6_000, "GBP"), eur(12_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
