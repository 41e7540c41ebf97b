package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.returns.TrustTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/**
 * Refunds at the first carrier scan, {@code omnireturns.policy.instant-refund.*}. Off unless switched on; on, for the
 * {@code TRUSTED} tier and a shortfall charged back, unless configured otherwise.
 *
 * <pre>
 * omnireturns.policy.instant-refund.enabled=true
 * omnireturns.policy.instant-refund.tiers=TRUSTED
 * omnireturns.policy.instant-refund.clawback=CHARGE
 * omnireturns.policy.instant-refund.exchanges=true
 * </pre>
 */
@ConfigurationProperties(prefix = "omnireturns.policy.instant-refund")
public record InstantRefundProperties(Boolean enabled, Set<TrustTier> tiers, ClawbackMode clawback,
                                      Boolean exchanges) {

    public InstantRefundRules rules() {
        InstantRefundRules defaults = InstantRefundRules.defaults();
        return new InstantRefundRules(Boolean.TRUE.equals(enabled), tiers == null ? defaults.tiers() : tiers,
                clawback == null ? defaults.clawbackMode() : clawback,
                exchanges == null ? defaults.exchanges() : exchanges);
    }
}
