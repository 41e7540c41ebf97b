package io.omnireturns.command.policy.tax;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** When the tax service is consulted for a refund, and what its figures do to the refund; amounts in EUR cents. */
class RefundTaxTest {

    private final RefundCalculator calculator = new RefundCalculator(RefundRules.defaults());
    private final TaxConsultation byDefault = new TaxConsultation(
            EnumSet.of(TaxTrigger.CROSS_JURISDICTION, TaxTrigger.PRICE_DIFFERENCE));
    private final TaxConsultation always = new TaxConsultation(EnumSet.allOf(TaxTrigger.class));

    // one coat, 50.00 + 10.00 tax (20 %, sold in France); shipping 4.95 + 0.99
    private final OrderSnapshot order = anOrder()
            .withLine("coat", 1, 5000, 1000)
            .withShipping(495, 99)
            .paidWith("card", TenderType.CARD, 6594)
            .build();

    @Nested
    class WhenTheServiceIsAsked {

        @Test
        void a_return_where_it_was_sold_with_no_fee_and_no_shipping_keeps_the_proportional_share() {
            RefundBreakdown proportional = calculate(accepted(ReturnReason.SIZE_OR_FIT), null);

            assertThat(byDefault.reasons("FR", "FR", proportional)).isEmpty();
            assertThat(always.reasons("FR", "FR", proportional)).isEmpty();
        }

        @Test
        void a_store_return_in_another_jurisdiction_than_the_sale_asks_the_service() {
            RefundBreakdown proportional = calculate(accepted(ReturnReason.SIZE_OR_FIT), null);

            assertThat(byDefault.reasons("FR", "DE", proportional)).containsExactly("CROSS_JURISDICTION");
            assertThat(new TaxConsultation(Set.of()).reasons("FR", "DE", proportional)).isEmpty();
        }

        @Test
        void a_restocking_fee_and_refunded_shipping_ask_the_service_only_where_switched_on() {
            RefundBreakdown withFee = calculate(accepted(ReturnReason.CHANGED_MIND), null);
            RefundBreakdown withShipping = calculate(accepted(ReturnReason.DEFECTIVE), null);

            assertThat(byDefault.reasons("FR", "FR", withFee)).isEmpty();
            assertThat(always.reasons("FR", "FR", withFee)).containsExactly("RESTOCKING_FEE");
            assertThat(byDefault.reasons("FR", "FR", withShipping)).isEmpty();
            assertThat(always.reasons("FR", "FR", withShipping)).containsExactly("SHIPPING");
        }

        @Test
        void an_exchange_at_a_different_price_asks_the_service_and_one_at_the_same_price_does_not() {
            assertThat(byDefault.reasonsForPriceDifference(eur(1250))).containsExactly("PRICE_DIFFERENCE");
            assertThat(byDefault.reasonsForPriceDifference(eur(-1250))).containsExactly("PRICE_DIFFERENCE");
            assertThat(byDefault.reasonsForPriceDifference(eur(0))).isEmpty();
        }

        @Test
        void a_sale_is_taxed_where_sold_or_fulfilled_and_a_store_return_where_the_store_is() {
            TaxJurisdictions jurisdictions = new TaxJurisdictions(Map.of("DC-1", "FR", "STORE-DE", "DE"), "NL");
            OrderSnapshot storeSale = new OrderSnapshot("ORD-2", "CUST-1", SalesChannel.STORE, "STORE-DE",
                    order.placedAt(), order.placedAt(), "STORE-DE", EUR, order.lines(), List.of(), null, null,
                    order.tenders());

            assertThat(jurisdictions.saleJurisdiction(order)).isEqualTo("FR");
            assertThat(jurisdictions.saleJurisdiction(storeSale)).isEqualTo("DE");
            assertThat(jurisdictions.returnJurisdiction(order, SalesChannel.STORE, "STORE-DE")).isEqualTo("DE");
            assertThat(jurisdictions.returnJurisdiction(order, SalesChannel.WEB, "STORE-DE")).isEqualTo("FR");
            assertThat(jurisdictions.returnJurisdiction(order, SalesChannel.STORE, "STORE-XX")).isEqualTo("NL");
        }

        @Test
        void locations_and_jurisdictions_are_matched_whatever_their_case_as_property_binding_may_lower_it() {
            TaxJurisdictions jurisdictions = new TaxJurisdictions(Map.of("store-de", "de"), "fr");

            assertThat(jurisdictions.of("STORE-DE")).isEqualTo("DE");
            assertThat(jurisdictions.of("STORE-FR")).isEqualTo("FR");
        }
    }

    @Nested
    class TheServicesFigures {

        @Test
        void a_cross_border_return_gives_back_the_sales_tax_and_keeps_the_fee_with_the_tax_due_on_it() {
            RefundableLine line = accepted(ReturnReason.CHANGED_MIND);
            RefundBreakdown proportional = calculate(line, null);
            TaxRequest request = RefundTaxRequests.of("R-1:CALCULATE_TAX:1", "R-1", order, proportional, "FR", "DE");
            // the service: 50.00 × 20 % = 10.00 in France; the 5.00 fee × 19 % = 0.95 in Germany
            TaxCalculation answer = new TaxCalculation("TC-1", EUR,
                    List.of(new LineTax("coat", eur(1000), "FR", eur(95), "DE")),
                    List.of(new JurisdictionTax("FR", eur(5000), eur(1000)),
                            new JurisdictionTax("DE", eur(500), eur(95))));
            RefundTaxFigures figures = new RefundTaxFigures(request, answer);

            RefundBreakdown refund = calculate(line, figures);

            assertThat(request.lines()).containsExactly(new TaxableLine("coat", TaxableKind.MERCHANDISE, "apparel",
                    eur(5000), eur(500), "FR", "DE"));
            LineRefund coat = refund.lines().get(0);
            assertThat(coat.merchandise()).isEqualTo(eur(5000));
            assertThat(coat.restockingFee()).isEqualTo(eur(500));
            assertThat(coat.tax()).isEqualTo(eur(905)); // 10.00 given back less the 0.95 kept on the fee
            assertThat(coat.amount()).isEqualTo(eur(5405)); // proportionally it was 55.00
            assertThat(proportional.total()).isEqualTo(eur(5500));
            assertThat(coat.ruleCodes()).contains(AppliedRefundTax.TAX_FROM_TAX_SERVICE,
                    AppliedRefundTax.RESTOCKING_FEE_TAXED);
            assertThat(refund.total()).isEqualTo(eur(5405));
            assertThat(AppliedRefundTax.byJurisdiction(refund, figures, order)).containsExactly(
                    new JurisdictionTax("FR", eur(5000), eur(1000)),
                    new JurisdictionTax("DE", eur(-500), eur(-95)));
        }

        @Test
        void refunded_shipping_takes_the_services_tax_on_it() {
            RefundableLine line = accepted(ReturnReason.DEFECTIVE);
            RefundBreakdown proportional = calculate(line, null);
            TaxRequest request = RefundTaxRequests.of("R-1:CALCULATE_TAX:1", "R-1", order, proportional, "DE", "DE");
            // sold in Germany (19 %): 9.50 on the coat, 4.95 × 19 % = 0.9405 → 0.94 on shipping
            TaxCalculation answer = new TaxCalculation("TC-2", EUR,
                    List.of(new LineTax("coat", eur(950), "DE", null, null),
                            new LineTax("SHIPPING", eur(94), "DE", null, null)),
                    List.of(new JurisdictionTax("DE", eur(5495), eur(1044))));
            RefundTaxFigures figures = new RefundTaxFigures(request, answer);

            RefundBreakdown refund = calculate(line, figures);

            assertThat(request.lines()).extracting(TaxableLine::lineId).containsExactly("coat", "SHIPPING");
            assertThat(refund.lines().get(0).tax()).isEqualTo(eur(950));
            assertThat(refund.shippingRefund()).isEqualTo(eur(589)); // 4.95 + 0.94, not the order's 0.99
            assertThat(refund.total()).isEqualTo(eur(5000 + 950 + 589));
            assertThat(refund.tenders()).extracting(tender -> tender.amount()).containsExactly(eur(6539));
            assertThat(AppliedRefundTax.byJurisdiction(refund, figures, order)).containsExactly(
                    new JurisdictionTax("DE", eur(5495), eur(1044)));
        }

        @Test
        void figures_for_another_amount_than_the_refunds_are_not_used() {
            RefundableLine line = accepted(ReturnReason.SIZE_OR_FIT);
            TaxRequest request = new TaxRequest("R-1:CALCULATE_TAX:1", "R-1", EUR, List.of(new TaxableLine("coat",
                    TaxableKind.MERCHANDISE, "apparel", eur(4999), null, "FR", "DE")));
            TaxCalculation answer = new TaxCalculation("TC-3", EUR, List.of(new LineTax("coat", eur(1), "FR", null,
                    null)), List.of(new JurisdictionTax("FR", eur(4999), eur(1))));

            RefundBreakdown refund = calculate(line, new RefundTaxFigures(request, answer));

            assertThat(refund.lines().get(0).tax()).isEqualTo(eur(1000));
            assertThat(refund.lines().get(0).ruleCodes()).doesNotContain(AppliedRefundTax.TAX_FROM_TAX_SERVICE);
        }

        @Test
        void the_services_tax_never_gives_back_more_than_the_tax_paid_on_the_line() {
            RefundableLine line = accepted(ReturnReason.SIZE_OR_FIT);
            RefundBreakdown proportional = calculate(line, null);
            TaxRequest request = RefundTaxRequests.of("R-1:CALCULATE_TAX:1", "R-1", order, proportional, "NL", "NL");
            // 50.00 × 21 % = 10.50, but only 10.00 of tax was paid
            TaxCalculation answer = new TaxCalculation("TC-4", EUR, List.of(new LineTax("coat", eur(1050), "NL",
                    null, null)), List.of(new JurisdictionTax("NL", eur(5000), eur(1050))));
            RefundTaxFigures figures = new RefundTaxFigures(request, answer);

            RefundBreakdown refund = calculate(line, figures);

            assertThat(refund.lines().get(0).tax()).isEqualTo(eur(1000));
            assertThat(refund.lines().get(0).ruleCodes()).contains("CAPPED_BY_PRIOR_REFUNDS");
            assertThat(AppliedRefundTax.byJurisdiction(refund, figures, order)).containsExactly(
                    new JurisdictionTax("NL", eur(5000), eur(1000)));
        }

        @Test
        void a_price_difference_is_charged_or_given_back_with_the_services_tax_on_it() {
            OrderLine coat = order.line("coat").orElseThrow();
            TaxRequest dearer = RefundTaxRequests.priceDifference("R-1:CALCULATE_TAX:1", "R-1", coat, eur(1250),
                    "FR", "DE");
            TaxCalculation taxed = new TaxCalculation("TC-5", EUR,
                    List.of(new LineTax("coat:PRICE_DIFFERENCE", eur(238), "DE", null, null)),
                    List.of(new JurisdictionTax("DE", eur(1250), eur(238))));
            TaxCalculation refunded = new TaxCalculation("TC-6", EUR,
                    List.of(new LineTax("coat:PRICE_DIFFERENCE", eur(-238), "DE", null, null)),
                    List.of(new JurisdictionTax("DE", eur(-1250), eur(-238))));

            assertThat(dearer.lines()).singleElement().satisfies(line -> {
                assertThat(line.kind()).isEqualTo(TaxableKind.PRICE_DIFFERENCE);
                assertThat(line.amount()).isEqualTo(eur(1250));
            });
            assertThat(RefundTaxFigures.priceDifferenceWithTax(dearer, taxed)).isEqualTo(eur(1488));
            TaxRequest cheaper = RefundTaxRequests.priceDifference("R-1:CALCULATE_TAX:2", "R-1", coat, eur(-1250),
                    "FR", "DE");
            assertThat(RefundTaxFigures.priceDifferenceWithTax(cheaper, refunded)).isEqualTo(eur(-1488));
        }
    }

    private RefundBreakdown calculate(RefundableLine line, RefundTaxFigures figures) {
        return calculator.calculate(new RefundInput(order, RefundMethod.ORIGINAL_TENDER, List.of(line),
                PriorRefunds.none(EUR), false, figures));
    }

    private static RefundableLine accepted(ReturnReason reason) {
        return new RefundableLine("coat", 1, Grade.NEW, reason);
    }
}
