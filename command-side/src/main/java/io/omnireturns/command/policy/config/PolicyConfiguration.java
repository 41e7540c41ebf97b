package io.omnireturns.command.policy.config;

import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.SettlementTerms;
import io.omnireturns.command.policy.tax.TaxConsultation;
import io.omnireturns.command.policy.tax.TaxJurisdictions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain policy classes from {@code omnireturns.policy.*}; the only place they meet Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, SettlementPolicyProperties.class, TaxProperties.class})
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

    @Bean
    public TaxConsultation taxConsultation(TaxProperties properties) {
        return properties.consultation();
    }

    @Bean
    public TaxJurisdictions taxJurisdictions(TaxProperties properties) {
        return properties.jurisdictions();
    }
}
