package io.omnireturns.api.finance;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.Disposition;

/** Stock moved in a period by one disposition, valued at net paid merchandise (see docs/finance.md). */
public record InventoryTotals(String currency, Disposition disposition, long quantity, Money value) {
}
