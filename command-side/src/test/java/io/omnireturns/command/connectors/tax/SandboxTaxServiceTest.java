package io.omnireturns.command.connectors.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SandboxTaxServiceTest {

    private final SandboxTaxService service = new SandboxTaxService(SandboxBehaviour.immediate(ExternalSystem.TAX),
            new SandboxTaxRates(null));

    @Test
    void merchandise_is_taxed_where_it_was_sold_and_the_restocking_fee_where_it_is_taken_back() {
        TaxCalculation calculation = service.calculate(request(
                new TaxableLine("L1", TaxableKind.MERCHANDISE, "apparel", eur(4999), eur(500), "DE", "FR")));

        // 49.99 × 19 % = 9.4981 → 9.50 (DE); 5.00 × 20 % = 1.00 (FR)
        assertThat(calculation.lines()).containsExactly(new LineTax("L1", eur(950), "DE", eur(100), "FR"));
        assertThat(calculation.byJurisdiction()).containsExactly(
                new JurisdictionTax("DE", eur(4999), eur(950)), new JurisdictionTax("FR", eur(500), eur(100)));
    }

    @Test
    void a_reduced_category_takes_its_reduced_rate_and_shipping_the_standard_rate() {
        TaxCalculation calculation = service.calculate(request(
                new TaxableLine("L1", TaxableKind.MERCHANDISE, "BOOKS", eur(2000), null, "NL", "NL"),
                new TaxableLine("SHIPPING", TaxableKind.SHIPPING, "books", eur(495), null, "NL", "NL")));

        // 20.00 × 9 % = 1.80; 4.95 × 21 % = 1.0395 → 1.04
        assertThat(calculation.lines()).extracting(LineTax::amountTax).containsExactly(eur(180), eur(104));
        assertThat(calculation.byJurisdiction()).containsExactly(new JurisdictionTax("NL", eur(2495), eur(284)));
    }

    @Test
    void the_tax_on_a_price_difference_is_due_where_the_exchange_happens_and_keeps_its_sign() {
        TaxCalculation calculation = service.calculate(request(
                new TaxableLine("L1:PRICE_DIFFERENCE", TaxableKind.PRICE_DIFFERENCE, "apparel", eur(-1250), null,
                        "DE", "FR")));

        // -12.50 × 20 % = -2.50, in France where the exchange is made
        assertThat(calculation.lines()).containsExactly(
                new LineTax("L1:PRICE_DIFFERENCE", eur(-250), "FR", eur(0), null));
    }

    @Test
    void half_a_minor_unit_rounds_away_from_zero_on_both_sides() {
        assertThat(SandboxTaxService.taxOf(eur(25), 2000)).isEqualTo(eur(5));
        assertThat(SandboxTaxService.taxOf(eur(1250), 1900)).isEqualTo(eur(238)); // 2.375 → 2.38
        assertThat(SandboxTaxService.taxOf(eur(-1250), 1900)).isEqualTo(eur(-238));
        assertThat(SandboxTaxService.taxOf(eur(1), 1900)).isEqualTo(eur(0)); // 0.19 of a cent
    }

    @Test
    void an_unknown_jurisdiction_is_refused_and_not_retryable() {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class, () -> service.calculate(request(
                new TaxableLine("L1", TaxableKind.MERCHANDISE, "apparel", eur(1000), null, "XX", "FR"))));

        assertThat(failure.code()).isEqualTo("UNKNOWN_JURISDICTION");
        assertThat(failure.retryable()).isFalse();
        assertThat(service.calculations()).isEmpty();
    }

    private static TaxRequest request(TaxableLine... lines) {
        return new TaxRequest("RET-1:CALCULATE_TAX:1", "RET-1", "EUR", List.of(lines));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
