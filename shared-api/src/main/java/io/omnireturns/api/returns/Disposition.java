package io.omnireturns.api.returns;

/** What happens to an inspected item. */
public enum Disposition {
    RESTOCK,
    REFURBISH,
    LIQUIDATE,
    SCRAP,
    RETURN_TO_VENDOR,
    RETURN_TO_CUSTOMER
}
