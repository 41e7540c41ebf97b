package io.omnireturns.command.connectors.fraud;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxFraudScoringTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SandboxFraudScoring fraud = new SandboxFraudScoring(SandboxBehaviour.immediate(ExternalSystem.FRAUD),
            CLOCK);

    @Test
    void an_everyday_return_scores_low_and_goes_on_without_review() {
        FraudAssessment assessment = fraud.assess(check("CUST-100", 1, Money.of(8995, "EUR")));

        // 5 base + 1 for one full 50.00
        assertThat(assessment).isEqualTo(new FraudAssessment(6, false, List.of()));
    }

    @ParameterizedTest(name = "{0} items worth {1} EUR score {2}")
    @CsvSource({
            "1, 4999, 5",       // under 50.00: base only
            "1, 5000, 6",       // one full 50.00
            "3, 30000, 17",     // 6 for 300.00, 6 for two items after the first
            "4, 100000, 34",    // 20 for 1,000.00, 9 for three items after the first
            "8, 200000, 65"})   // value points stop at 40, item points (21) at 20
    void the_score_grows_with_value_and_item_count(int items, long minor, int score) {
        assertThat(fraud.assess(check("CUST-100", items, Money.of(minor, "EUR"))).score()).isEqualTo(score);
    }

    @Test
    void serial_returner_signals_from_our_own_history_raise_the_score_and_show_but_two_need_no_review() {
        FraudAssessment assessment = fraud.assess(new FraudCheck("RET-1", "ORD-1", "CUST-100", SalesChannel.WEB, 1,
                Money.of(8995, "EUR"), TrustTier.WATCHED,
                List.of(ReturnerSignal.HIGH_RETURN_RATE, ReturnerSignal.HIGH_RETURN_VELOCITY)));

        // 6 as the everyday return, plus 10 per signal
        assertThat(assessment).isEqualTo(new FraudAssessment(26, false,
                List.of("RETURNER_HIGH_RETURN_RATE", "RETURNER_HIGH_RETURN_VELOCITY")));
    }

    @Test
    void a_serial_returner_on_three_counts_is_reviewed_by_a_person() {
        FraudAssessment assessment = fraud.assess(new FraudCheck("RET-1", "ORD-1", "CUST-100", SalesChannel.WEB, 1,
                Money.of(8995, "EUR"), TrustTier.WATCHED, List.of(ReturnerSignal.HIGH_RETURN_RATE,
                ReturnerSignal.HIGH_RETURN_VELOCITY, ReturnerSignal.HIGH_KEEP_IT_SHARE)));

        assertThat(assessment.reviewRequired()).isTrue();
        assertThat(assessment.score()).isEqualTo(36);
    }

    @Test
    void a_trusted_customer_scores_as_anyone_without_signals() {
        FraudAssessment assessment = fraud.assess(new FraudCheck("RET-1", "ORD-1", "CUST-100", SalesChannel.WEB, 1,
                Money.of(8995, "EUR"), TrustTier.TRUSTED, List.of()));

        assertThat(assessment).isEqualTo(new FraudAssessment(6, false, List.of()));
    }

    @Test
    void a_customer_on_the_watch_list_is_always_reviewed() {
        FraudAssessment assessment = fraud.assess(check("CUST-666", 1, Money.of(1000, "EUR")));

        assertThat(assessment.reviewRequired()).isTrue();
        assertThat(assessment.signals()).containsExactly(SandboxFraudScoring.WATCH_LIST);
        assertThat(assessment.score()).isEqualTo(55);
    }

    @ParameterizedTest(name = "{0} {1}: review {2}")
    @CsvSource({
            "200000, EUR, false",   // exactly 2,000.00 is not above
            "200001, EUR, true",
            "200001, GBP, true",    // the same figure in any currency
            "2000, JPY, false",     // yen have no minor unit: 2,000 yen
            "2001, JPY, true"})
    void merchandise_value_above_the_threshold_is_reviewed(long minor, String currency, boolean review) {
        FraudAssessment assessment = fraud.assess(check("CUST-100", 1, Money.of(minor, currency)));

        assertThat(assessment.reviewRequired()).isEqualTo(review);
        assertThat(assessment.signals().contains(SandboxFraudScoring.HIGH_VALUE)).isEqualTo(review);
    }

    @Test
    void a_high_score_alone_does_not_require_review() {
        FraudAssessment assessment = fraud.assess(check("CUST-100", 12, Money.of(199999, "EUR")));

        assertThat(assessment.score()).isEqualTo(64);
        assertThat(assessment.signals()).containsExactly(SandboxFraudScoring.MANY_ITEMS);
        assertThat(assessment.reviewRequired()).isFalse();
    }

    @Test
    void the_score_never_passes_one_hundred() {
        FraudAssessment assessment = fraud.assess(check("CUST-666", 20, Money.of(500000, "EUR")));

        assertThat(assessment.score()).isEqualTo(100);
        assertThat(assessment.signals()).containsExactly(SandboxFraudScoring.WATCH_LIST,
                SandboxFraudScoring.HIGH_VALUE, SandboxFraudScoring.MANY_ITEMS);
    }

    @Test
    void the_watch_list_and_threshold_can_be_set() {
        SandboxFraudScoring strict = new SandboxFraudScoring(SandboxBehaviour.immediate(ExternalSystem.FRAUD), CLOCK,
                Set.of("CUST-100"), new BigDecimal("100.00"));

        assertThat(strict.assess(check("CUST-100", 1, Money.of(1000, "EUR"))).reviewRequired()).isTrue();
        assertThat(strict.assess(check("CUST-666", 1, Money.of(1000, "EUR"))).reviewRequired()).isFalse();
        assertThat(strict.assess(check("CUST-200", 1, Money.of(10001, "EUR"))).reviewRequired()).isTrue();
    }

    @Test
    void the_same_check_gets_the_same_assessment_and_every_call_is_logged() {
        FraudCheck check = check("CUST-100", 2, Money.of(12000, "EUR"));

        FraudAssessment first = fraud.assess(check);

        assertThat(fraud.assess(check)).isEqualTo(first);
        assertThat(fraud.assessments()).hasSize(2).first().isEqualTo(new SandboxFraudScoring.Assessment("R-1",
                "ORD-1001", "CUST-100", SalesChannel.WEB, 2, Money.of(12000, "EUR"), first, NOW));
    }

    @Test
    void an_injected_failure_is_retryable_and_logs_nothing() {
        fraud.behaviour().setFailureRate(1.0);

        assertUnavailable(() -> fraud.assess(check("CUST-100", 1, Money.of(8995, "EUR"))));
        assertThat(fraud.assessments()).isEmpty();
    }

    @Test
    void a_check_without_a_value_is_refused() {
        assertRejected(() -> fraud.assess(check("CUST-100", 1, null)), "INVALID_REQUEST");
    }

    private static FraudCheck check(String customerId, int items, Money value) {
        return new FraudCheck("R-1", "ORD-1001", customerId, SalesChannel.WEB, items, value);
    }
}
