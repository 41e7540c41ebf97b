package io.omnireturns.api.tax;

/**
 * What the refund decision needs to know of a return's tax: the store it is returned to (null unless a store
 * return), the last tax request made for its refund and the tax service's answer to it (null until answered), and
 * how many requests were made (the next one is numbered one more).
 */
public record RefundTaxContext(String storeId, TaxRequest lastRequest, TaxCalculation lastCalculation,
                               int requestsMade) {

    public static RefundTaxContext none() {
        return new RefundTaxContext(null, null, null, 0);
    }
}
