package io.omnireturns.api.tax;

import io.omnireturns.api.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * The tax service's answer to a {@link TaxRequest}: the tax per line and the totals per jurisdiction, to the minor
 * unit. Invariant (checked on construction): the jurisdictions' tax sums to the lines' tax, one currency throughout.
 */
public record TaxCalculation(String calculationId, String currency, List<LineTax> lines,
                             List<JurisdictionTax> byJurisdiction) {

    public TaxCalculation {
        lines = List.copyOf(lines);
        byJurisdiction = List.copyOf(byJurisdiction);
        Money lineTax = Money.zero(currency);
        for (LineTax line : lines) {
            lineTax = lineTax.plus(line.amountTax()).plus(line.restockingFeeTax());
        }
        Money jurisdictionTax = Money.sum(byJurisdiction.stream().map(JurisdictionTax::tax).toList(), currency);
        if (!lineTax.equals(jurisdictionTax)) {
            throw new IllegalArgumentException("the lines' tax " + lineTax + " is not the jurisdictions' tax "
                    + jurisdictionTax);
        }
    }

    public Optional<LineTax> line(String lineId) {
        return lines.stream().filter(line -> line.lineId().equals(lineId)).findFirst();
    }
}
