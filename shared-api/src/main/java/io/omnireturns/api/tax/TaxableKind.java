package io.omnireturns.api.tax;

/** What a taxable line of a refund is: returned merchandise (with any restocking fee), refunded shipping, or the
 * price difference of an exchange (positive: charged to the customer; negative: given back). */
public enum TaxableKind {
    MERCHANDISE,
    SHIPPING,
    PRICE_DIFFERENCE
}
