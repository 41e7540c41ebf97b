package io.omnireturns.api.tax;

import io.omnireturns.api.money.Money;

/**
 * The tax service's answer for one line: the tax on its amount, due in {@code amountJurisdiction}, and the tax on
 * its restocking fee, due in {@code restockingFeeJurisdiction} (zero and null without a fee). Signed as the amounts
 * asked about: the tax on a negative price difference is negative.
 */
public record LineTax(String lineId, Money amountTax, String amountJurisdiction, Money restockingFeeTax,
                      String restockingFeeJurisdiction) {

    public LineTax {
        restockingFeeTax = restockingFeeTax == null ? Money.zero(amountTax.currency()) : restockingFeeTax;
    }
}
