package io.omnireturns.api.returns;

/** The cross-system steps the return process drives, each against one external system. */
public enum ProcessStep {
    FRAUD_CHECK(ExternalSystem.FRAUD),
    ISSUE_LABEL(ExternalSystem.CARRIER),
    ADVISE_WAREHOUSE(ExternalSystem.WAREHOUSE),
    REFUND_PAYMENT(ExternalSystem.PAYMENT),
    /** Charging the price difference of an exchange for a dearer item to the original card. */
    CHARGE_DIFFERENCE(ExternalSystem.PAYMENT),
    /** Charging back the shortfall an inspection found after an early refund, to the card refunded. */
    CLAWBACK_CHARGE(ExternalSystem.PAYMENT),
    REPLACEMENT_ORDER(ExternalSystem.ORDER),
    POST_CREDIT_MEMO(ExternalSystem.ERP_CREDIT_MEMO),
    /** A debit memo in the ERP for a shortfall charged back after an early refund: the credit memo corrected. */
    CLAWBACK_MEMO(ExternalSystem.ERP_CREDIT_MEMO),
    ADJUST_INVENTORY(ExternalSystem.ERP_INVENTORY),
    REVERSE_LOYALTY(ExternalSystem.LOYALTY),
    /** Giving back the loyalty points reversed for the share of an early refund that a clawback charged back. */
    RESTORE_LOYALTY(ExternalSystem.LOYALTY),
    NOTIFY_CUSTOMER(ExternalSystem.CRM),
    OPEN_CASE(ExternalSystem.CRM),
    /** The tax service recalculates a refund's tax where the order's proportional share is not enough. */
    CALCULATE_TAX(ExternalSystem.TAX),
    /** Deciding eligibility of a recorded request; the process does it only when the request's own decision is overdue. */
    DECIDE_ELIGIBILITY(ExternalSystem.ORDER);

    private final ExternalSystem system;

    ProcessStep(ExternalSystem system) {
        this.system = system;
    }

    public ExternalSystem system() {
        return system;
    }
}
