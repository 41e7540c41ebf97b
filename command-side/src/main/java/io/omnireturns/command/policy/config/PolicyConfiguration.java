package io.omnireturns.command.policy.config;

import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.SettlementTerms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain policy classes from {@code omnireturns.policy.*}; the only place they meet Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, SettlementPolicyProperties.class})
public class PolicyConfiguration {

    @Bean
    public EligibilityPolicy eligibilityPolicy(PolicyProperties properties) {
        return new EligibilityPolicy(properties.eligibilityRules());
    }

    @Bean
    public SettlementTerms settlementTerms(SettlementPolicyProperties properties) {
        return properties.terms();
    }

    @Bean
    public RefundCalculator refundCalculator(PolicyProperties properties) {
        return new RefundCalculator(properties.refundRules());
    }
}
