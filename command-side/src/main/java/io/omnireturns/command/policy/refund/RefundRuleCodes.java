package io.omnireturns.command.policy.refund;

import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;

/** Stable codes on {@link io.omnireturns.api.returns.LineRefund#ruleCodes()} naming the rules that shaped a line. */
public final class RefundRuleCodes {

    public static final String PRORATED_ORDER_PROMOTION = "PRORATED_ORDER_PROMOTION";
    public static final String CAPPED_BY_PRIOR_REFUNDS = "CAPPED_BY_PRIOR_REFUNDS";
    public static final String CONDITION_DEDUCTION_PREFIX = "CONDITION_DEDUCTION_";
    public static final String NOT_REFUNDABLE_PREFIX = "NOT_REFUNDABLE_";
    public static final String RESTOCKING_FEE_PREFIX = "RESTOCKING_FEE_";
    /** A goodwill exception gave back the deduction and fee the codes before it name (a policy override). */
    public static final String GOODWILL_DEDUCTIONS_WAIVED = "GOODWILL_DEDUCTIONS_WAIVED";

    private RefundRuleCodes() {
    }

    /** e.g. {@code CONDITION_DEDUCTION_DAMAGED}: part of the line was kept back for its condition. */
    public static String conditionDeduction(Grade grade) {
        return CONDITION_DEDUCTION_PREFIX + grade.name();
    }

    /** e.g. {@code NOT_REFUNDABLE_UNSALEABLE}: the grade's deduction takes the whole line. */
    public static String notRefundable(Grade grade) {
        return NOT_REFUNDABLE_PREFIX + grade.name();
    }

    /** e.g. {@code RESTOCKING_FEE_CHANGED_MIND}. */
    public static String restockingFee(ReturnReason reason) {
        return RESTOCKING_FEE_PREFIX + reason.name();
    }
}
