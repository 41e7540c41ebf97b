package io.omnireturns.command.policy.config;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.policy.eligibility.EligibilityRules;
import io.omnireturns.command.policy.refund.RefundRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The return and refund policy, {@code omnireturns.policy.*}. Anything left out takes the value of
 * {@link EligibilityRules#defaults()} and {@link RefundRules#defaults()}; map entries are laid over the
 * default map (so {@code window-days-by-category.furniture=60} keeps electronics at 14), a list replaces it.
 *
 * <pre>
 * omnireturns.policy.eligibility.default-window-days=30
 * omnireturns.policy.eligibility.window-days-by-category.electronics=14
 * omnireturns.policy.eligibility.final-sale-returnable-when-retailer-fault=true
 * omnireturns.policy.eligibility.allowed-return-channels.MARKETPLACE=WEB,CONTACT_CENTRE,MARKETPLACE
 * omnireturns.policy.refund.condition-deduction-basis-points.DAMAGED=5000
 * omnireturns.policy.refund.restocking-fee-basis-points.CHANGED_MIND=1000
 * omnireturns.policy.refund.refund-shipping-when-retailer-fault=true
 * omnireturns.policy.refund.tender-refund-order=CARD,PAYPAL,CASH,GIFT_CARD,STORE_CREDIT
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy")
public record PolicyProperties(Eligibility eligibility, Refund refund) {

    public PolicyProperties {
        eligibility = eligibility != null ? eligibility : new Eligibility(null, null, null, null);
        refund = refund != null ? refund : new Refund(null, null, null, null);
    }

    public record Eligibility(Integer defaultWindowDays,
                              Map<String, Integer> windowDaysByCategory,
                              Boolean finalSaleReturnableWhenRetailerFault,
                              Map<SalesChannel, Set<SalesChannel>> allowedReturnChannels) {
    }

    public record Refund(Map<Grade, Integer> conditionDeductionBasisPoints,
                         Map<ReturnReason, Integer> restockingFeeBasisPoints,
                         Boolean refundShippingWhenRetailerFault,
                         List<TenderType> tenderRefundOrder) {
    }

    public EligibilityRules eligibilityRules() {
        EligibilityRules defaults = EligibilityRules.defaults();
        return new EligibilityRules(
                orDefault(eligibility.defaultWindowDays(), defaults.defaultWindowDays()),
                overlaid(defaults.windowDaysByCategory(), eligibility.windowDaysByCategory()),
                orDefault(eligibility.finalSaleReturnableWhenRetailerFault(), defaults.finalSaleReturnableWhenRetailerFault()),
                overlaid(defaults.allowedReturnChannels(), eligibility.allowedReturnChannels()));
    }

    public RefundRules refundRules() {
        RefundRules defaults = RefundRules.defaults();
        return new RefundRules(
                overlaid(defaults.conditionDeductionBasisPoints(), refund.conditionDeductionBasisPoints()),
                overlaid(defaults.restockingFeeBasisPoints(), refund.restockingFeeBasisPoints()),
                orDefault(refund.refundShippingWhenRetailerFault(), defaults.refundShippingWhenRetailerFault()),
                orDefault(refund.tenderRefundOrder(), defaults.tenderRefundOrder()));
    }

    private static <T> T orDefault(T configured, T fallback) {
        return configured != null ? configured : fallback;
    }

    private static <K, V> Map<K, V> overlaid(Map<K, V> defaults, Map<K, V> configured) {
        Map<K, V> result = new HashMap<>(defaults);
        if (configured != null) {
            result.putAll(configured);
        }
        return result;
    }
}
