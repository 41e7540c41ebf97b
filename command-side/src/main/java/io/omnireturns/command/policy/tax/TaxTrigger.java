package io.omnireturns.command.policy.tax;

/**
 * When a refund's tax comes from the tax service instead of the order's proportional share
 * ({@code omnireturns.tax.consult-for}). The name is the reason recorded on {@code RefundTaxRequested}.
 */
public enum TaxTrigger {
    /** A store return taken back in another jurisdiction than the sale's. */
    CROSS_JURISDICTION,
    /** A line keeps a restocking fee: the fee carries tax of its own, which the retailer keeps and owes. */
    RESTOCKING_FEE,
    /** Shipping is refunded: its tax is figured by the service rather than taken from the order. */
    SHIPPING,
    /** An exchange at a different price: the difference carries tax where the exchange is made. */
    PRICE_DIFFERENCE
}
