package io.omnireturns.api.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    @Test
    void one_euro_split_three_ways_gives_the_leftover_cent_to_the_first_part() {
        assertThat(eur(100).split(3)).containsExactly(eur(34), eur(33), eur(33));
    }

    @Test
    void allocation_gives_leftover_units_to_the_largest_remainders() {
        // 10.00 over 60 : 30 -> 6.666.. and 3.333..
        assertThat(eur(1000).allocate(List.of(6000L, 3000L))).containsExactly(eur(667), eur(333));
        // 1.00 over 1 : 2 : 7 -> 0.10, 0.20, 0.70 exactly
        assertThat(eur(100).allocate(List.of(1L, 2L, 7L))).containsExactly(eur(10), eur(20), eur(70));
    }

    @Test
    void a_negative_amount_is_allocated_by_magnitude_so_no_part_changes_sign() {
        assertThat(eur(-100).split(3)).containsExactly(eur(-34), eur(-33), eur(-33));
    }

    @Test
    void a_zero_weight_gets_nothing() {
        assertThat(eur(999).allocate(List.of(0L, 1L))).containsExactly(eur(0), eur(999));
    }

    @Test
    void allocation_over_no_weights_or_only_zero_weights_is_refused() {
        assertThatThrownBy(() -> eur(100).allocate(List.of()))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_ALLOCATION"));
        assertThatThrownBy(() -> eur(100).allocate(List.of(0L, 0L)))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_ALLOCATION"));
        assertThatThrownBy(() -> eur(100).allocate(List.of(-1L, 2L)))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_ALLOCATION"));
    }

    @Test
    void a_fraction_is_rounded_down() {
        assertThat(eur(4999).fraction(1000, 10_000)).isEqualTo(eur(499));
        assertThat(eur(3967).fraction(5000, 10_000)).isEqualTo(eur(1983));
    }

    @Test
    void arithmetic_stays_exact() {
        assertThat(eur(1999).times(3).minus(eur(997)).plus(eur(1))).isEqualTo(eur(5001));
        assertThat(eur(5).min(eur(7))).isEqualTo(eur(5));
        assertThat(eur(5).max(eur(7))).isEqualTo(eur(7));
    }

    @Test
    void an_overflowing_sum_is_refused_rather_than_wrapped() {
        assertThatThrownBy(() -> eur(Long.MAX_VALUE).plus(eur(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void amounts_print_in_major_units_with_the_currency_digits() {
        assertThat(eur(123_456).toString()).isEqualTo("1234.56 EUR");
        assertThat(Money.of(1234, "JPY").toString()).isEqualTo("1234 JPY");
        assertThat(Money.of(1234, "BHD").toString()).isEqualTo("1.234 BHD");
    }

    @Test
    void combining_two_currencies_is_refused() {
        assertThatThrownBy(() -> eur(100).plus(Money.of(100, "USD")))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("CURRENCY_MISMATCH"));
        assertThatThrownBy(() -> eur(100).compareTo(Money.of(100, "USD"))).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Money.sum(List.of(eur(1)), "USD")).isInstanceOf(MoneyException.class);
    }

    @Test
    void an_unknown_or_malformed_currency_is_refused() {
        for (String code : new String[]{"XYZ", "EURO", "E", "", null}) {
            assertThatThrownBy(() -> Money.of(1, code))
                    .as("currency %s", code)
                    .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CURRENCY"));
        }
    }

    @Property(tries = 1000)
    void allocated_parts_always_sum_to_the_whole(
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long amount,
            @ForAll("weights") List<Long> weights) {
        List<Money> parts = eur(amount).allocate(weights);

        assertThat(parts).hasSameSizeAs(weights);
        assertThat(Money.sum(parts, "EUR")).isEqualTo(eur(amount));
    }

    @Property(tries = 1000)
    void each_part_is_within_one_minor_unit_of_its_exact_share(
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long amount,
            @ForAll("weights") List<Long> weights) {
        List<Money> parts = eur(amount).allocate(weights);
        BigInteger weightSum = BigInteger.valueOf(weights.stream().mapToLong(Long::longValue).sum());

        for (int i = 0; i < parts.size(); i++) {
            // |part - amount * w / sum| < 1, kept in integers: |part * sum - amount * w| < sum
            BigInteger exactTimesSum = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights.get(i)));
            BigInteger distance = BigInteger.valueOf(parts.get(i).minor()).multiply(weightSum).subtract(exactTimesSum).abs();
            assertThat(distance).isLessThan(weightSum);
        }
    }

    @Property(tries = 500)
    void a_part_never_has_the_opposite_sign_of_the_whole(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long amount,
            @ForAll("weights") List<Long> weights) {
        for (Money part : eur(amount).allocate(weights)) {
            assertThat(part.minor() == 0 || Long.signum(part.minor()) == Long.signum(amount)).isTrue();
        }
    }

    @Property(tries = 500)
    void money_in_two_currencies_never_combines(@ForAll long a, @ForAll long b, @ForAll("currencyPairs") String[] codes) {
        Assume.that(!codes[0].equals(codes[1]));
        Money first = Money.of(a, codes[0]);
        Money second = Money.of(b, codes[1]);

        assertThatThrownBy(() -> first.plus(second)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> first.minus(second)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> first.min(second)).isInstanceOf(MoneyException.class);
    }

    @Property(tries = 500)
    void a_string_that_is_not_an_iso_currency_code_is_refused(@ForAll("notCurrencyCodes") String code) {
        assertThatThrownBy(() -> Money.of(0, code))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CURRENCY"));
    }

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.longs().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(20)
                .filter(ws -> ws.stream().anyMatch(w -> w > 0));
    }

    @Provide
    Arbitrary<String[]> currencyPairs() {
        Arbitrary<String> codes = Arbitraries.of("EUR", "USD", "GBP", "JPY", "CHF", "SEK", "BHD");
        return codes.tuple2().map(pair -> new String[]{pair.get1(), pair.get2()});
    }

    @Provide
    Arbitrary<String> notCurrencyCodes() {
        Arbitrary<String> wrongLength = Arbitraries.strings().alpha().ofMaxLength(8).filter(s -> s.length() != 3);
        Arbitrary<String> lowerCase = Arbitraries.strings().withCharRange('a', 'z').ofLength(3);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(3);
        return Arbitraries.oneOf(wrongLength, lowerCase, digits);
    }
}
