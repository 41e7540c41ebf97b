package io.omnireturns.command.policy.config;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.policy.eligibility.EligibilityRules;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PolicyConfiguration.class);

    @Test
    void without_any_properties_the_rules_are_the_defaults() {
        context.run(spring -> {
            PolicyProperties properties = spring.getBean(PolicyProperties.class);
            assertThat(properties.eligibilityRules()).isEqualTo(EligibilityRules.defaults());
            assertThat(properties.refundRules()).isEqualTo(RefundRules.defaults());
            assertThat(spring).hasSingleBean(EligibilityPolicy.class).hasSingleBean(RefundCalculator.class);
        });
    }

    @Test
    void eligibility_properties_override_the_defaults_they_name_and_keep_the_rest() {
        context.withPropertyValues(
                "omnireturns.policy.eligibility.default-window-days=45",
                "omnireturns.policy.eligibility.window-days-by-category.furniture=60",
                "omnireturns.policy.eligibility.final-sale-returnable-when-retailer-fault=false",
                "omnireturns.policy.eligibility.allowed-return-channels.STORE=STORE,CONTACT_CENTRE"
        ).run(spring -> {
            EligibilityRules rules = spring.getBean(PolicyProperties.class).eligibilityRules();
            assertThat(rules.defaultWindowDays()).isEqualTo(45);
            assertThat(rules.windowDaysFor("furniture")).isEqualTo(60);
            assertThat(rules.windowDaysFor("electronics")).isEqualTo(14);
            assertThat(rules.finalSaleReturnableWhenRetailerFault()).isFalse();
            assertThat(rules.allowedReturnChannels().get(SalesChannel.STORE))
                    .isEqualTo(Set.of(SalesChannel.STORE, SalesChannel.CONTACT_CENTRE));
            assertThat(rules.allowsReturn(SalesChannel.MARKETPLACE, SalesChannel.STORE)).isFalse();
        });
    }

    @Test
    void refund_properties_override_the_defaults_they_name_and_keep_the_rest() {
        context.withPropertyValues(
                "omnireturns.policy.refund.condition-deduction-basis-points.USED=2000",
                "omnireturns.policy.refund.restocking-fee-basis-points.SIZE_OR_FIT=500",
                "omnireturns.policy.refund.refund-shipping-when-retailer-fault=false",
                "omnireturns.policy.refund.tender-refund-order=GIFT_CARD,CARD"
        ).run(spring -> {
            RefundRules rules = spring.getBean(PolicyProperties.class).refundRules();
            assertThat(rules.deductionBasisPointsFor(Grade.USED)).isEqualTo(2000);
            assertThat(rules.deductionBasisPointsFor(Grade.DAMAGED)).isEqualTo(5000);
            assertThat(rules.restockingFeeBasisPointsFor(ReturnReason.SIZE_OR_FIT)).isEqualTo(500);
            assertThat(rules.restockingFeeBasisPointsFor(ReturnReason.CHANGED_MIND)).isEqualTo(1000);
            assertThat(rules.refundShippingWhenRetailerFault()).isFalse();
            assertThat(rules.tenderRefundOrder()).containsExactly(TenderType.GIFT_CARD, TenderType.CARD,
                    TenderType.PAYPAL, TenderType.CASH, TenderType.STORE_CREDIT);
        });
    }

    @Test
    void an_out_of_range_rate_stops_the_application_from_starting() {
        context.withPropertyValues("omnireturns.policy.refund.condition-deduction-basis-points.USED=12000")
                .run(spring -> assertThat(spring).hasFailed());
    }
}
