package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TrustTier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refunds at the first carrier scan for trusted customers, and the clawback of a shortfall found at inspection. */
class InstantRefundPolicyTest {

    private final InstantRefundPolicy policy = new InstantRefundPolicy(InstantRefundRules.defaults());

    @Test
    void a_trusted_customers_mail_back_return_cleared_by_fraud_is_refunded_at_the_first_scan() {
        assertThat(policy.atFirstScan(TrustTier.TRUSTED, true, true, false))
                .isEqualTo(new EarlyRefundDecision(true, EarlyRefundDecision.GRANTED));
    }

    @Test
    void a_standard_or_watched_customer_or_one_never_assessed_waits_for_inspection() {
        assertThat(policy.atFirstScan(TrustTier.STANDARD, true, true, false).reasonCode())
                .isEqualTo(EarlyRefundDecision.TIER_NOT_ELIGIBLE);
        assertThat(policy.atFirstScan(TrustTier.WATCHED, true, true, false).reasonCode())
                .isEqualTo(EarlyRefundDecision.TIER_NOT_ELIGIBLE);
        assertThat(policy.atFirstScan(null, true, true, false).granted()).isFalse();
    }

    @Test
    void a_store_return_a_return_awaiting_fraud_review_or_one_already_decided_is_not_refunded_early() {
        assertThat(policy.atFirstScan(TrustTier.TRUSTED, false, true, false).reasonCode())
                .isEqualTo(EarlyRefundDecision.NOT_MAIL_BACK);
        assertThat(policy.atFirstScan(TrustTier.TRUSTED, true, false, false).reasonCode())
                .isEqualTo(EarlyRefundDecision.NOT_CLEARED);
        assertThat(policy.atFirstScan(TrustTier.TRUSTED, true, true, true).reasonCode())
                .isEqualTo(EarlyRefundDecision.ALREADY_DECIDED);
    }

    @Test
    void a_trusted_customers_exchange_is_settled_at_the_first_scan_unless_exchanges_are_switched_off() {
        assertThat(policy.atFirstScan(TrustTier.TRUSTED, true, true, false, true).granted()).isTrue();
        InstantRefundPolicy moneyOnly = new InstantRefundPolicy(
                new InstantRefundRules(true, Set.of(TrustTier.TRUSTED), ClawbackMode.CHARGE, false));

        assertThat(moneyOnly.atFirstScan(TrustTier.TRUSTED, true, true, false, true).reasonCode())
                .isEqualTo(EarlyRefundDecision.EXCHANGES_OFF);
        assertThat(moneyOnly.atFirstScan(TrustTier.TRUSTED, true, true, false, false).granted()).isTrue();
    }

    @Test
    void an_exchange_of_a_customer_whose_tier_is_not_named_waits_for_inspection() {
        assertThat(policy.atFirstScan(TrustTier.STANDARD, true, true, false, true).reasonCode())
                .isEqualTo(EarlyRefundDecision.TIER_NOT_ELIGIBLE);
    }

    @Test
    void with_the_policy_off_nobody_is_refunded_early() {
        InstantRefundPolicy off = new InstantRefundPolicy(
                new InstantRefundRules(false, Set.of(TrustTier.TRUSTED), ClawbackMode.CHARGE));

        assertThat(off.atFirstScan(TrustTier.TRUSTED, true, true, false).reasonCode())
                .isEqualTo(EarlyRefundDecision.POLICY_OFF);
    }

    @Test
    void standard_customers_may_be_let_in_but_watched_ones_never() {
        InstantRefundPolicy generous = new InstantRefundPolicy(new InstantRefundRules(true,
                Set.of(TrustTier.TRUSTED, TrustTier.STANDARD), ClawbackMode.CASE));

        assertThat(generous.atFirstScan(TrustTier.STANDARD, true, true, false).granted()).isTrue();
        assertThatThrownBy(() -> new InstantRefundRules(true, Set.of(TrustTier.WATCHED), ClawbackMode.CASE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_inspection_that_confirms_the_early_refund_takes_nothing_back() {
        assertThat(policy.afterInspection(eur(10_794), eur(10_794)))
                .isEqualTo(new ClawbackDecision(ClawbackDecision.Kind.NOTHING, eur(0)));
    }

    @Test
    void a_damaged_item_found_at_inspection_is_charged_back_to_the_minor_unit() {
        // 107.94 paid early, 62.97 as inspected: 44.97 short
        assertThat(policy.afterInspection(eur(10_794), eur(6_297)))
                .isEqualTo(new ClawbackDecision(ClawbackDecision.Kind.CHARGE, eur(4_497)));
    }

    @Test
    void in_case_mode_the_shortfall_goes_to_an_agent_instead() {
        InstantRefundPolicy cases = new InstantRefundPolicy(
                new InstantRefundRules(true, Set.of(TrustTier.TRUSTED), ClawbackMode.CASE));

        assertThat(cases.afterInspection(eur(10_794), eur(0)))
                .as("a parcel that never arrived: all of it short")
                .isEqualTo(new ClawbackDecision(ClawbackDecision.Kind.CASE, eur(10_794)));
    }

    @Test
    void amounts_in_different_currencies_are_refused() {
        assertThatThrownBy(() -> policy.afterInspection(eur(100), Money.of(100, "GBP")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void what_inspection_refunds_plus_what_is_clawed_back_is_exactly_what_was_paid_early(
            @ForAll @LongRange(min = 0, max = 10_000_000) long paid,
            @ForAll @LongRange(min = 0, max = 10_000_000) long inspected) {
        ClawbackDecision decision = policy.afterInspection(eur(paid), eur(inspected));

        if (inspected >= paid) {
            assertThat(decision.kind()).isEqualTo(ClawbackDecision.Kind.NOTHING);
        } else {
            assertThat(decision.kind()).isEqualTo(ClawbackDecision.Kind.CHARGE);
            assertThat(eur(inspected).plus(decision.amount())).isEqualTo(eur(paid));
        }
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
