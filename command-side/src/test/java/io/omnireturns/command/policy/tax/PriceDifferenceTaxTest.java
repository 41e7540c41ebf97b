package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.command.policy.refund.ExchangeSettlement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tax service's tax on an exchange's price difference. The jacket of the demo web order (89.95 + 17.99 French
 * tax, 107.94) for the pro model at 149.94 (124.95 net at the jacket's own 20 %): a difference of 35.00 net.
 */
class PriceDifferenceTaxTest {

    private static final String EUR = "EUR";
    private static final String JACKET = "ORD-1001-L1";
    private static final RefundBreakdown JACKET_BACK = new RefundBreakdown(EUR,
            List.of(new LineRefund(JACKET, 1, eur(8995), eur(1799), eur(0), eur(0), eur(10794), List.of())),
            eur(0), eur(10794), card(10794));
    private static final Map<String, Money> PRO_JACKET = Map.of(JACKET, eur(14994));

    @Test
    void the_replacements_net_price_is_its_catalogue_price_at_the_returned_items_ratio_and_the_difference_is_asked_about() {
        assertThat(PriceDifferenceTax.lines(JACKET_BACK, PRO_JACKET)).containsExactly(new PriceDifferenceTax.Line(
                JACKET + ":PRICE_DIFFERENCE", JACKET, eur(12495), eur(3500)));
        assertThat(PriceDifferenceTax.taxable(PriceDifferenceTax.lines(JACKET_BACK, PRO_JACKET),
                io.omnireturns.command.connectors.orders.DemoOrders.webApparelOrder(java.time.Instant.EPOCH),
                "FR", "DE")).singleElement().satisfies(line -> {
                    assertThat(line.kind()).isEqualTo(TaxableKind.PRICE_DIFFERENCE);
                    assertThat(line.amount()).isEqualTo(eur(3500));
                    assertThat(line.returnJurisdiction()).isEqualTo("DE");
                });
    }

    @Test
    void taxed_as_the_sale_was_the_dearer_jacket_costs_its_catalogue_price_and_the_difference_charged_is_unchanged() {
        TaxCalculation french = answer(eur(3500), eur(700), "FR");

        Money cost = PriceDifferenceTax.replacementCost(JACKET_BACK, JACKET_BACK, PRO_JACKET, asked(eur(3500)), french);

        assertThat(cost).isEqualTo(eur(14994));
        assertThat(ExchangeSettlement.of(eur(10794), eur(0), cost).charge()).isEqualTo(eur(4200));
        assertThat(PriceDifferenceTax.givenBack(JACKET_BACK, PRO_JACKET, asked(eur(3500)), french))
                .containsExactly(new JurisdictionTax("FR", eur(-3500), eur(-700)));
    }

    @Test
    void taxed_at_another_rate_where_the_exchange_is_made_the_charge_is_the_difference_with_that_tax() {
        TaxCalculation german = answer(eur(3500), eur(665), "DE"); // 19 % of 35.00

        Money cost = PriceDifferenceTax.replacementCost(JACKET_BACK, JACKET_BACK, PRO_JACKET, asked(eur(3500)), german);

        assertThat(cost).isEqualTo(eur(1799 + 12495 + 665));
        assertThat(ExchangeSettlement.of(eur(10794), eur(0), cost).charge()).isEqualTo(eur(3500 + 665));
        List<JurisdictionTax> givenBack = PriceDifferenceTax.givenBack(JACKET_BACK, PRO_JACKET, asked(eur(3500)), german);
        assertThat(givenBack).containsExactly(new JurisdictionTax("DE", eur(-3500), eur(-665)));
        assertThat(PriceDifferenceTax.taxGivenBack(givenBack, EUR)).isEqualTo(eur(-665));
    }

    @Test
    void a_cheaper_replacement_gives_the_difference_back_with_its_tax() {
        RefundBreakdown jeansBack = new RefundBreakdown(EUR, List.of(new LineRefund("ORD-1001-L2", 1, eur(5995),
                eur(1199), eur(0), eur(0), eur(7194), List.of())), eur(0), eur(7194), card(7194));
        Map<String, Money> cheaper = Map.of("ORD-1001-L2", eur(4794));
        TaxRequest request = new TaxRequest("R-1:CALCULATE_TAX:1", "R-1", EUR, List.of(RefundTaxRequests
                .priceDifferenceLine("ORD-1001-L2:PRICE_DIFFERENCE", "apparel", eur(-2000), "FR", "FR")));
        TaxCalculation answer = new TaxCalculation("TAX-1", EUR,
                List.of(new LineTax("ORD-1001-L2:PRICE_DIFFERENCE", eur(-400), "FR", null, null)),
                List.of(new JurisdictionTax("FR", eur(-2000), eur(-400))));

        Money cost = PriceDifferenceTax.replacementCost(jeansBack, jeansBack, cheaper, request, answer);

        assertThat(ExchangeSettlement.of(eur(7194), eur(0), cost).refund()).isEqualTo(eur(2400));
        assertThat(PriceDifferenceTax.givenBack(jeansBack, cheaper, request, answer))
                .containsExactly(new JurisdictionTax("FR", eur(2000), eur(400)));
    }

    @Test
    void a_line_without_a_priced_replacement_is_swapped_like_for_like_and_one_at_the_same_net_price_asks_nothing() {
        RefundBreakdown withDeduction = new RefundBreakdown(EUR, List.of(new LineRefund(JACKET, 1, eur(8995),
                eur(1799), eur(0), eur(1619), eur(9175), List.of())), eur(0), eur(9175), card(9175));

        assertThat(PriceDifferenceTax.lines(withDeduction, Map.of())).isEmpty();
        assertThat(PriceDifferenceTax.lines(withDeduction, Map.of(JACKET, eur(10794)))).isEmpty();
        TaxRequest nothing = new TaxRequest("R-1:CALCULATE_TAX:1", "R-1", EUR, List.of());
        TaxCalculation none = new TaxCalculation("TAX-1", EUR, List.of(), List.of());
        assertThat(PriceDifferenceTax.replacementCost(withDeduction, withDeduction, Map.of(), nothing, none))
                .isEqualTo(eur(9175));
        assertThat(PriceDifferenceTax.replacementCost(withDeduction, withDeduction, Map.of(JACKET, eur(10794)), nothing,
                none))
                .as("the same net price: the returned tax plus the net price, deductions not refunded")
                .isEqualTo(eur(10794));
    }

    @Test
    void the_net_price_is_rounded_half_up_to_the_minor_unit() {
        LineRefund thirdTax = new LineRefund(JACKET, 1, eur(300), eur(100), eur(0), eur(0), eur(400), List.of());

        assertThat(PriceDifferenceTax.netPrice(eur(401), thirdTax)).isEqualTo(eur(301)); // 300.75
        assertThat(PriceDifferenceTax.netPrice(eur(402), thirdTax)).isEqualTo(eur(302)); // 301.5
        assertThat(PriceDifferenceTax.netPrice(eur(399), thirdTax)).isEqualTo(eur(299)); // 299.25
    }

    @Test
    void figures_for_another_difference_than_the_one_asked_are_refused() {
        TaxCalculation french = answer(eur(3400), eur(680), "FR");

        assertThatThrownBy(() -> PriceDifferenceTax.replacementCost(JACKET_BACK, JACKET_BACK, PRO_JACKET,
                asked(eur(3400)), french))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_settled_refund_of_other_units_than_the_differences_were_asked_for_is_refused() {
        RefundBreakdown twoJackets = new RefundBreakdown(EUR,
                List.of(new LineRefund(JACKET, 2, eur(17990), eur(3598), eur(0), eur(0), eur(21588), List.of())),
                eur(0), eur(21588), card(21588));

        assertThatThrownBy(() -> PriceDifferenceTax.replacementCost(JACKET_BACK, twoJackets, PRO_JACKET,
                asked(eur(3500)), answer(eur(3500), eur(700), "FR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not those");
    }

    private static TaxRequest asked(Money difference) {
        return new TaxRequest("R-1:CALCULATE_TAX:1", "R-1", EUR, List.of(RefundTaxRequests.priceDifferenceLine(
                JACKET + ":PRICE_DIFFERENCE", "apparel", difference, "FR", "FR")));
    }

    private static TaxCalculation answer(Money difference, Money tax, String jurisdiction) {
        return new TaxCalculation("TAX-R-1:CALCULATE_TAX:1", EUR,
                List.of(new LineTax(JACKET + ":PRICE_DIFFERENCE", tax, jurisdiction, null, null)),
                List.of(new JurisdictionTax(jurisdiction, difference, tax)));
    }

    private static List<TenderRefund> card(long minor) {
        return List.of(new TenderRefund("T1", TenderType.CARD, eur(minor)));
    }

    private static Money eur(long minor) {
        return Money.of(minor, EUR);
    }
}
