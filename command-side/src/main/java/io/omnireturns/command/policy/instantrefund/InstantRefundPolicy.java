package io.omnireturns.command.policy.instantrefund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.Objects;

/**
 * Refunds at the first carrier scan and their clawback. Pure: the customer's tier comes from the request's trust
 * assessment, the amounts from the refund calculator (once as if the items arrive as declared, once as inspected).
 *
 * <p>The early refund is figured at the best grade for the declared quantities, the most inspection can refund, so
 * inspection can only confirm it or find a shortfall: a damaged item, a missing one, or a parcel that never arrives
 * (nothing inspected, all of it short).
 */
@PlainJava
public final class InstantRefundPolicy {

    private final InstantRefundRules rules;

    public InstantRefundPolicy(InstantRefundRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * At the first carrier scan of a return.
     *
     * @param tier           the customer's tier at the request; null when it was not assessed
     * @param mailBack       the items come back by carrier (a store return is inspected at the counter at once)
     * @param fraudCleared   the fraud decision let the return go on (a review still pending waits for inspection)
     * @param refundDecided  the refund is decided already (all lines kept, or an earlier scan)
     */
    public EarlyRefundDecision atFirstScan(TrustTier tier, boolean mailBack, boolean fraudCleared,
                                           boolean refundDecided) {
        return atFirstScan(tier, mailBack, fraudCleared, refundDecided, false);
    }

    /**
     * As above, for a money refund or ({@code exchange}) an exchange: its replacement ordered and its price difference
     * settled at the scan, where the policy settles exchanges early too.
     */
    public EarlyRefundDecision atFirstScan(TrustTier tier, boolean mailBack, boolean fraudCleared,
                                           boolean refundDecided, boolean exchange) {
        if (!rules.enabled()) {
            return EarlyRefundDecision.decline(EarlyRefundDecision.POLICY_OFF);
        }
        if (exchange && !rules.exchanges()) {
            return EarlyRefundDecision.decline(EarlyRefundDecision.EXCHANGES_OFF);
        }
        if (!mailBack) {
            return EarlyRefundDecision.decline(EarlyRefundDecision.NOT_MAIL_BACK);
        }
        if (refundDecided) {
            return EarlyRefundDecision.decline(EarlyRefundDecision.ALREADY_DECIDED);
        }
        if (tier == null || !rules.tiers().contains(tier)) {
            return EarlyRefundDecision.decline(EarlyRefundDecision.TIER_NOT_ELIGIBLE);
        }
        if (!fraudCleared) {
            return EarlyRefundDecision.decline(EarlyRefundDecision.NOT_CLEARED);
        }
        return EarlyRefundDecision.grant();
    }

    /**
     * After inspection of a return refunded early: what inspection would have refunded against what was paid. A
     * shortfall is taken back as the policy says; an inspection that refunds as much or more takes nothing back. For
     * an exchange settled early, both are what the returned items were credited at (their value and any exchange
     * bonus on it): the replacement is out, so the value of what inspection did not accept is the shortfall.
     */
    public ClawbackDecision afterInspection(Money paidEarly, Money inspectedRefund) {
        if (!paidEarly.currency().equals(inspectedRefund.currency())) {
            throw new IllegalArgumentException("early refund in " + paidEarly.currency() + ", inspection in "
                    + inspectedRefund.currency());
        }
        if (paidEarly.isNegative() || inspectedRefund.isNegative()) {
            throw new IllegalArgumentException("refunds are never negative");
        }
        Money shortfall = paidEarly.minus(inspectedRefund);
        if (!shortfall.isPositive()) {
            return new ClawbackDecision(ClawbackDecision.Kind.NOTHING, Money.zero(paidEarly.currency()));
        }
        return new ClawbackDecision(rules.clawbackMode() == ClawbackMode.CHARGE ? ClawbackDecision.Kind.CHARGE
                : ClawbackDecision.Kind.CASE, shortfall);
    }
}
