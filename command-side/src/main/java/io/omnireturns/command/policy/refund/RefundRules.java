package io.omnireturns.command.policy.refund;

import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The retailer's refund policy as data. Rates are basis points (1/100 of a percent); a grade or reason
 * that is not listed costs nothing.
 *
 * @param conditionDeductionBasisPoints    kept back by inspection grade, of merchandise plus tax
 * @param restockingFeeBasisPoints         charged by return reason, of merchandise (never for retailer-fault reasons)
 * @param refundShippingWhenRetailerFault  refund the order's shipping once when any returned line is the retailer's fault
 * @param tenderRefundOrder                which tender types an original-tender refund goes back to first;
 *                                         types not listed come after, in declaration order
 */
public record RefundRules(Map<Grade, Integer> conditionDeductionBasisPoints,
                          Map<ReturnReason, Integer> restockingFeeBasisPoints,
                          boolean refundShippingWhenRetailerFault,
                          List<TenderType> tenderRefundOrder) {

    static final int WHOLE_IN_BASIS_POINTS = 10_000;

    public RefundRules {
        conditionDeductionBasisPoints = completedRates(Grade.class, conditionDeductionBasisPoints);
        restockingFeeBasisPoints = completedRates(ReturnReason.class, restockingFeeBasisPoints);
        tenderRefundOrder = completedTenderOrder(tenderRefundOrder);
    }

    public static RefundRules defaults() {
        return new RefundRules(
                Map.of(Grade.NEW, 0, Grade.LIKE_NEW, 0, Grade.USED, 1500, Grade.DAMAGED, 5000, Grade.UNSALEABLE, 10_000),
                Map.of(ReturnReason.CHANGED_MIND, 1000),
                true,
                List.of(TenderType.CARD, TenderType.PAYPAL, TenderType.CASH, TenderType.GIFT_CARD, TenderType.STORE_CREDIT));
    }

    public int deductionBasisPointsFor(Grade grade) {
        return conditionDeductionBasisPoints.get(grade);
    }

    public int restockingFeeBasisPointsFor(ReturnReason reason) {
        return restockingFeeBasisPoints.get(reason);
    }

    /** Position of a tender type in the refund order: lower is refunded first. */
    public int tenderRank(TenderType type) {
        return tenderRefundOrder.indexOf(type);
    }

    private static <K extends Enum<K>> Map<K, Integer> completedRates(Class<K> keys, Map<K, Integer> rates) {
        Map<K, Integer> completed = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            Integer rate = rates == null ? null : rates.get(key);
            int basisPoints = rate == null ? 0 : rate;
            if (basisPoints < 0 || basisPoints > WHOLE_IN_BASIS_POINTS) {
                throw new IllegalArgumentException(
                        "rate for " + key + " must be 0 to " + WHOLE_IN_BASIS_POINTS + " basis points, got " + basisPoints);
            }
            completed.put(key, basisPoints);
        }
        return Map.copyOf(completed);
    }

    private static List<TenderType> completedTenderOrder(List<TenderType> configured) {
        Set<TenderType> order = new LinkedHashSet<>();
        if (configured != null) {
            configured.forEach(type -> order.add(Objects.requireNonNull(type, "tender type")));
        }
        order.addAll(List.of(TenderType.values()));
        return List.copyOf(new ArrayList<>(order));
    }
}
