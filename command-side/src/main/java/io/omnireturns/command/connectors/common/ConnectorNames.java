package io.omnireturns.command.connectors.common;

import io.omnireturns.api.returns.ExternalSystem;

/** The property name of each system's connector. */
public final class ConnectorNames {

    public static final String ORDERS = "orders";
    public static final String FRAUD = "fraud";
    public static final String CARRIER = "carrier";
    public static final String WAREHOUSE = "warehouse";
    public static final String PAYMENTS = "payments";
    public static final String ERP = "erp";
    public static final String CRM = "crm";
    public static final String LOYALTY = "loyalty";
    public static final String TAX = "tax";

    private ConnectorNames() {
    }

    public static String of(ExternalSystem system) {
        return switch (system) {
            case ORDER -> ORDERS;
            case FRAUD -> FRAUD;
            case CARRIER -> CARRIER;
            case WAREHOUSE -> WAREHOUSE;
            case PAYMENT -> PAYMENTS;
            case ERP_CREDIT_MEMO, ERP_INVENTORY -> ERP;
            case CRM -> CRM;
            case LOYALTY -> LOYALTY;
            case TAX -> TAX;
        };
    }
}
