package io.omnireturns.command.policy.trust;

import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trust tiers and serial-returner signals under the default thresholds. */
class TrustPolicyTest {

    private final TrustPolicy policy = new TrustPolicy(TrustRules.defaults());

    @Test
    void a_customer_we_have_never_seen_return_anything_is_standard_not_trusted() {
        TrustAssessment assessment = policy.assess(CustomerReturnRecord.none("CUST-1", "EUR"));

        assertThat(assessment.tier()).isEqualTo(TrustTier.STANDARD);
        assertThat(assessment.allowsInstantRefund()).isFalse();
    }

    @Test
    void a_customer_with_a_few_small_returns_at_a_low_rate_is_trusted_with_an_instant_refund() {
        TrustAssessment assessment = policy.assess(record(2, eur(8_000), eur(60_000), 1, 0, 0));

        assertThat(assessment).isEqualTo(new TrustAssessment(TrustTier.TRUSTED, List.of()));
        assertThat(assessment.allowsInstantRefund()).isTrue();
    }

    @Test
    void returning_more_than_a_fifth_of_what_was_bought_is_standard() {
        // 20.01 % of 600.00
        assertThat(policy.assess(record(2, eur(12_006), eur(60_000), 0, 0, 0)).tier()).isEqualTo(TrustTier.STANDARD);
        assertThat(policy.assess(record(2, eur(12_000), eur(60_000), 0, 0, 0)).tier()).isEqualTo(TrustTier.TRUSTED);
    }

    @Test
    void returning_more_than_the_value_limit_is_standard_even_at_a_low_rate() {
        assertThat(policy.assess(record(4, eur(50_001), eur(900_000), 0, 0, 0)).tier()).isEqualTo(TrustTier.STANDARD);
    }

    @Test
    void a_currency_without_a_trusted_limit_is_never_trusted() {
        Money chf = Money.of(1_000, "CHF");
        CustomerReturnRecord record = new CustomerReturnRecord("CUST-1", 1, chf, Money.of(50_000, "CHF"), 0, 0, 0);

        assertThat(policy.assess(record).tier()).isEqualTo(TrustTier.STANDARD);
    }

    @Test
    void a_customer_returning_half_of_what_they_buy_is_watched_for_a_high_return_rate() {
        TrustAssessment assessment = policy.assess(record(3, eur(30_000), eur(60_000), 0, 0, 0));

        assertThat(assessment.tier()).isEqualTo(TrustTier.WATCHED);
        assertThat(assessment.signals()).containsExactly(ReturnerSignal.HIGH_RETURN_RATE);
    }

    @Test
    void five_returns_in_thirty_days_is_a_velocity_signal() {
        assertThat(policy.assess(record(5, eur(10_000), eur(200_000), 5, 0, 0)).signals())
                .containsExactly(ReturnerSignal.HIGH_RETURN_VELOCITY);
    }

    @Test
    void mostly_keep_it_and_instant_refunds_are_signals_of_their_own() {
        assertThat(policy.assess(record(4, eur(10_000), eur(200_000), 0, 2, 3)).signals())
                .containsExactly(ReturnerSignal.HIGH_KEEP_IT_SHARE, ReturnerSignal.HIGH_INSTANT_REFUND_SHARE);
    }

    @Test
    void signals_wait_for_a_pattern_two_returns_are_not_one() {
        // both returns were keep-it, and everything bought came back: too few returns to call it a pattern
        TrustAssessment assessment = policy.assess(record(2, eur(20_000), eur(20_000), 2, 2, 0));

        assertThat(assessment.signals()).isEmpty();
        assertThat(assessment.tier()).isEqualTo(TrustTier.STANDARD);
    }

    @Test
    void inconsistent_histories_and_thresholds_are_refused() {
        assertThatThrownBy(() -> record(1, eur(0), eur(0), 2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerReturnRecord("CUST-1", 1, eur(1), Money.of(1, "USD"), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        TrustRules d = TrustRules.defaults();
        assertThatThrownBy(() -> new TrustRules(d.lookBack(), 1, 5, 6_000, d.trustedMaxReturnedValue(), 3, 5_000, 5,
                5_000)).as("watching below the trusted rate").isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void a_watched_customer_is_never_trusted_and_the_tier_is_watched_exactly_when_there_are_signals(
            @ForAll @IntRange(max = 40) int returns, @ForAll @LongRange(max = 2_000_000) long returned,
            @ForAll @LongRange(max = 2_000_000) long bought, @ForAll @IntRange(max = 40) int recent,
            @ForAll @IntRange(max = 40) int keepIt, @ForAll @IntRange(max = 40) int instant) {
        if (recent > returns || keepIt > returns || instant > returns) {
            return;
        }
        TrustAssessment assessment = policy.assess(record(returns, eur(returned), eur(bought), recent, keepIt,
                instant));

        assertThat(assessment.tier() == TrustTier.WATCHED).isEqualTo(!assessment.signals().isEmpty());
        assertThat(assessment.allowsInstantRefund()).isEqualTo(assessment.tier() == TrustTier.TRUSTED);
        if (returns < TrustRules.defaults().signalMinReturns()) {
            assertThat(assessment.signals()).isEmpty();
        }
    }

    private static CustomerReturnRecord record(int returns, Money returned, Money bought, int recent, int keepIt,
                                               int instant) {
        return new CustomerReturnRecord("CUST-1", returns, returned, bought, recent, keepIt, instant);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
