package io.omnireturns.command.policy.gift;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.returns.RefundMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GiftCardPolicyTest {

    private final GiftCardPolicy defaults = GiftCardPolicy.defaults();

    @Test
    void by_default_a_gift_card_is_offered_to_gift_returns_and_not_to_other_returns() {
        assertThat(defaults.offered(true)).isTrue();
        assertThat(defaults.offered(false)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = RefundMethod.class, names = {"STORE_CREDIT", "GIFT_CARD"})
    void a_gift_return_may_be_refunded_in_store_credit_or_a_gift_card(RefundMethod method) {
        assertThatCode(() -> defaults.check(method, true)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = RefundMethod.class, names = {"ORIGINAL_TENDER", "EXCHANGE"})
    void a_gift_return_never_goes_back_to_the_buyers_payment(RefundMethod method) {
        assertThat(codeOf(() -> defaults.check(method, true))).isEqualTo("GIFT_RETURN_NEEDS_STORE_CREDIT");
    }

    @Test
    void another_return_asking_for_a_gift_card_is_refused_unless_the_policy_offers_it() {
        assertThat(codeOf(() -> defaults.check(RefundMethod.GIFT_CARD, false))).isEqualTo("GIFT_CARD_NOT_OFFERED");
        assertThatCode(() -> new GiftCardPolicy(true, true).check(RefundMethod.GIFT_CARD, false))
                .doesNotThrowAnyException();
    }

    @Test
    void a_policy_without_gift_cards_for_gift_returns_refuses_one_and_still_allows_store_credit() {
        GiftCardPolicy storeCreditOnly = new GiftCardPolicy(false, false);

        assertThat(codeOf(() -> storeCreditOnly.check(RefundMethod.GIFT_CARD, true)))
                .isEqualTo("GIFT_CARD_NOT_OFFERED");
        assertThatCode(() -> storeCreditOnly.check(RefundMethod.STORE_CREDIT, true)).doesNotThrowAnyException();
    }

    @Test
    void other_methods_of_an_ordinary_return_are_not_the_gift_card_policys_business() {
        for (RefundMethod method : new RefundMethod[]{RefundMethod.ORIGINAL_TENDER, RefundMethod.STORE_CREDIT,
                RefundMethod.EXCHANGE}) {
            assertThatCode(() -> defaults.check(method, false)).doesNotThrowAnyException();
        }
    }

    @Test
    void without_a_method_a_gift_return_defaults_to_store_credit_and_any_other_to_the_original_payment() {
        assertThat(GiftCardPolicy.methodOrDefault(null, true)).isEqualTo(RefundMethod.STORE_CREDIT);
        assertThat(GiftCardPolicy.methodOrDefault(null, false)).isEqualTo(RefundMethod.ORIGINAL_TENDER);
        assertThat(GiftCardPolicy.methodOrDefault(RefundMethod.GIFT_CARD, true)).isEqualTo(RefundMethod.GIFT_CARD);
    }

    @Test
    void unset_properties_take_the_defaults_and_set_ones_override_them() {
        assertThat(new GiftCardProperties(null, null).policy()).isEqualTo(GiftCardPolicy.defaults());
        assertThat(new GiftCardProperties(false, true).policy()).isEqualTo(new GiftCardPolicy(false, true));
    }

    private static String codeOf(Runnable check) {
        return catchThrowableOfType(DomainException.class, check::run).code();
    }
}
