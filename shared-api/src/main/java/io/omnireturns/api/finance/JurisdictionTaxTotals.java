package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;

/**
 * The tax of one jurisdiction booked in a period, in one currency: {@code taxGivenBack} as the approved refunds gave
 * it back (the tax service's figures; negative where a kept fee's tax is owed there), {@code creditMemoTax} as the
 * ERP's credit memos posted it. {@code balanced}: the two agree ({@code difference} = given back less posted is
 * zero). Only refunds whose tax came from the tax service are split by jurisdiction.
 */
public record JurisdictionTaxTotals(String currency, String jurisdiction, Money taxGivenBack, Money creditMemoTax,
                                    Money difference, boolean balanced) {
}
