package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a refund's tax must come from the tax service, and why: the order's proportional share is exact only
 * for goods given back where they were sold, with no fee kept and no shipping refunded. Each trigger counts only
 * when it is switched on ({@code omnireturns.tax.consult-for}). No reason: the proportional share stays, and the
 * service is not called.
 */
public final class TaxConsultation {

    private final Set<TaxTrigger> triggers;

    public TaxConsultation(Set<TaxTrigger> triggers) {
        this.triggers = Set.copyOf(Objects.requireNonNull(triggers, "triggers"));
    }

    /** The reasons to ask the service about {@code proportional}, the refund priced by the order's share. */
    public List<String> reasons(String saleJurisdiction, String returnJurisdiction, RefundBreakdown proportional) {
        List<String> reasons = new ArrayList<>();
        if (triggers.contains(TaxTrigger.CROSS_JURISDICTION) && !saleJurisdiction.equals(returnJurisdiction)) {
            reasons.add(TaxTrigger.CROSS_JURISDICTION.name());
        }
        if (triggers.contains(TaxTrigger.RESTOCKING_FEE)
                && proportional.lines().stream().map(LineRefund::restockingFee).anyMatch(Money::isPositive)) {
            reasons.add(TaxTrigger.RESTOCKING_FEE.name());
        }
        if (triggers.contains(TaxTrigger.SHIPPING) && proportional.shippingRefund().isPositive()) {
            reasons.add(TaxTrigger.SHIPPING.name());
        }
        return reasons;
    }

    /**
     * The hook for an exchange at a different price: whether its {@code difference} (replacement price less the
     * returned item's; negative when the replacement is cheaper) is taxed by the service.
     */
    public List<String> reasonsForPriceDifference(Money difference) {
        return triggers.contains(TaxTrigger.PRICE_DIFFERENCE) && !difference.isZero()
                ? List.of(TaxTrigger.PRICE_DIFFERENCE.name()) : List.of();
    }

    /** Whether any reason is switched on at all. */
    public boolean everConsulted() {
        return !triggers.isEmpty();
    }
}
