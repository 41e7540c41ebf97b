package io.omnireturns.api.returns;

/** The systems a return touches; the status view shows where each one stands. */
public enum ExternalSystem {
    ORDER,
    FRAUD,
    CARRIER,
    WAREHOUSE,
    PAYMENT,
    ERP_CREDIT_MEMO,
    ERP_INVENTORY,
    CRM,
    LOYALTY,
    TAX
}
