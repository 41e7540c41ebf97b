package io.omnireturns.command.policy.tax;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.tax.SandboxTaxRates;
import io.omnireturns.command.connectors.tax.SandboxTaxService;
import io.omnireturns.command.policy.refund.ExchangeSettlement;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exchange at a different price where the tax service also figures the refund's own tax, and its figure for a
 * returned line is not the order's proportional share: a restocking fee whose tax the customer bears, or a sale-rate
 * tax that rounds otherwise than the order's slice of its line. Priced as the refund decision and the quote price
 * it: the question from the refund with the proportional share, the sandbox's answer (FR 20 %, DE 19 %), the refund
 * with the service's figures, then the replacements' cost and the tax given back.
 */
class PriceDifferenceTaxWithRefundTaxTest {

    private static final String EUR = "EUR";
    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    private static final RefundCalculator CALCULATOR = new RefundCalculator(RefundRules.defaults());
    private static final SandboxTaxService SANDBOX = new SandboxTaxService(SandboxBehaviour.immediate(ExternalSystem.TAX),
            new SandboxTaxRates(Map.of()));

    @Test
    void a_hoodie_taken_back_in_germany_for_a_change_of_mind_and_exchanged_for_the_jacket_is_charged_the_difference_and_the_fee_with_their_german_tax() {
        OrderSnapshot order = DemoOrders.storeOrderPaidCashAndCard(NOW);
        String hoodie = order.orderId() + "-L1";

        Exchange exchange = exchange(order, hoodie, 1, ReturnReason.CHANGED_MIND, eur(10794), "FR", "DE",
                Set.of(TaxTrigger.CROSS_JURISDICTION, TaxTrigger.PRICE_DIFFERENCE));

        // 49.95 + 9.99 French tax - 4.99 fee - 0.95 German tax on it
        assertThat(exchange.settled().total()).isEqualTo(eur(5400));
        assertThat(exchange.settled().lines().get(0).tax()).isEqualTo(eur(904));
        // the jacket: the hoodie's 9.99 tax + 89.95 net (at the hoodie's 20 % as sold) + 7.60 German tax on 40.00
        assertThat(exchange.cost()).isEqualTo(eur(999 + 8995 + 760));
        assertThat(exchange.settlement().charge()).isEqualTo(eur(4000 + 760 + 499 + 95));
        assertThat(exchange.taxByJurisdiction()).containsExactly(new JurisdictionTax("FR", eur(4995), eur(999)),
                new JurisdictionTax("DE", eur(-499 - 4000), eur(-95 - 760)));
    }

    @Test
    void a_dearer_jacket_for_a_change_of_mind_with_the_fee_taxed_costs_its_catalogue_price_and_the_fee_is_charged_with_its_tax() {
        OrderSnapshot order = DemoOrders.webApparelOrder(NOW);
        String jacket = order.orderId() + "-L1";

        Exchange exchange = exchange(order, jacket, 1, ReturnReason.CHANGED_MIND, eur(14994), "FR", "FR",
                Set.of(TaxTrigger.RESTOCKING_FEE, TaxTrigger.PRICE_DIFFERENCE));

        // 89.95 + 17.99 - 8.99 fee - 1.80 tax on it
        assertThat(exchange.settled().total()).isEqualTo(eur(9715));
        assertThat(exchange.cost()).isEqualTo(eur(14994));
        assertThat(exchange.settlement().charge()).isEqualTo(eur(3500 + 700 + 899 + 180));
        assertThat(exchange.taxByJurisdiction()).containsExactly(
                new JurisdictionTax("FR", eur(8995 - 899 - 3500), eur(1799 - 180 - 700)));
    }

    @Test
    void a_unit_whose_sale_rate_tax_rounds_above_its_slice_of_the_line_is_charged_exactly_the_difference_with_its_tax() {
        // three shirts at 9.99 with 5.99 tax: one unit's slice is 1.99, its 20 % is 2.00
        OrderSnapshot order = storeOrder(new OrderLine("ORD-9-L1", "TEE-1", "shirt", "apparel", 3, eur(999), eur(0),
                eur(599), false));

        Exchange exchange = exchange(order, "ORD-9-L1", 1, ReturnReason.SIZE_OR_FIT, eur(1999), "FR", "DE",
                Set.of(TaxTrigger.CROSS_JURISDICTION, TaxTrigger.PRICE_DIFFERENCE));

        assertThat(exchange.settled().lines().get(0).tax()).isEqualTo(eur(200));
        // net price 19.99 at the slice's 9.99 : 1.99 is 16.67, 6.68 more than the shirt, 1.27 German tax on it
        assertThat(exchange.question().lines()).filteredOn(line -> line.lineId().endsWith(PriceDifferenceTax.SUFFIX))
                .singleElement().satisfies(line -> assertThat(line.amount()).isEqualTo(eur(668)));
        assertThat(exchange.cost()).isEqualTo(eur(200 + 1667 + 127));
        assertThat(exchange.settlement().charge()).isEqualTo(eur(668 + 127));
        assertThat(exchange.taxByJurisdiction()).containsExactly(new JurisdictionTax("FR", eur(999), eur(200)),
                new JurisdictionTax("DE", eur(-668), eur(-127)));
    }

    @Test
    void a_replacement_at_the_same_price_beside_a_dearer_one_with_the_fees_taxed_costs_what_it_was_sold_for() {
        OrderSnapshot order = DemoOrders.webApparelOrder(NOW);
        String jacket = order.orderId() + "-L1";
        String jeans = order.orderId() + "-L2";
        Map<String, Money> prices = new LinkedHashMap<>();
        prices.put(jacket, eur(10794)); // the same jacket: no difference to ask about
        prices.put(jeans, eur(8394)); // 69.95 net at the jeans' 20 %: 10.00 more

        Exchange exchange = exchange(order, List.of(new RefundableLine(jacket, 1, Grade.NEW, ReturnReason.CHANGED_MIND),
                        new RefundableLine(jeans, 1, Grade.NEW, ReturnReason.CHANGED_MIND)), prices, "FR", "FR",
                Set.of(TaxTrigger.RESTOCKING_FEE, TaxTrigger.PRICE_DIFFERENCE));

        assertThat(exchange.question().lines()).filteredOn(line -> line.lineId().endsWith(PriceDifferenceTax.SUFFIX))
                .singleElement().satisfies(line -> assertThat(line.lineId()).isEqualTo(jeans + PriceDifferenceTax.SUFFIX));
        // 89.95 + 17.99 - 8.99 - 1.80 and 59.95 + 11.99 - 5.99 - 1.20
        assertThat(exchange.settled().total()).isEqualTo(eur(9715 + 6475));
        assertThat(exchange.cost()).isEqualTo(eur(10794 + 8394));
        assertThat(exchange.settlement().charge()).isEqualTo(eur(1000 + 200 + 899 + 180 + 599 + 120));
    }

    private record Exchange(RefundTaxQuestion question, RefundBreakdown settled, Money cost,
                            ExchangeSettlement settlement, List<JurisdictionTax> taxByJurisdiction) {
    }

    /** The decision's arithmetic: ask, price with the answer, cost the replacements, book the tax. */
    private static Exchange exchange(OrderSnapshot order, String lineId, int units, ReturnReason reason,
                                     Money replacementUnitPrice, String sold, String returned, Set<TaxTrigger> triggers) {
        return exchange(order, List.of(new RefundableLine(lineId, units, Grade.NEW, reason)),
                Map.of(lineId, replacementUnitPrice), sold, returned, triggers);
    }

    private static Exchange exchange(OrderSnapshot order, List<RefundableLine> lines, Map<String, Money> prices,
                                     String sold, String returned, Set<TaxTrigger> triggers) {
        RefundBreakdown proportional = CALCULATOR.calculate(new RefundInput(order, RefundMethod.EXCHANGE, lines,
                PriorRefunds.none(EUR)));
        RefundTaxQuestion question = RefundTaxQuestion.of(new TaxConsultation(triggers), order, RefundMethod.EXCHANGE,
                proportional, prices, sold, returned).orElseThrow();
        TaxRequest request = question.request("R-1:CALCULATE_TAX:1", "R-1", EUR);
        TaxCalculation answer = SANDBOX.calculate(request);
        RefundTaxFigures figures = new RefundTaxFigures(request, answer);
        RefundBreakdown settled = CALCULATOR.calculate(new RefundInput(order, RefundMethod.EXCHANGE, lines,
                PriorRefunds.none(EUR), false, question.refundTax() ? figures : null));
        Money cost = PriceDifferenceTax.replacementCost(proportional, settled, prices, request, answer);
        List<JurisdictionTax> byJurisdiction = new ArrayList<>(question.refundTax()
                ? AppliedRefundTax.byJurisdiction(settled, figures, order)
                : PriceDifferenceTax.proportionalGivenBack(settled, order, sold));
        byJurisdiction.addAll(PriceDifferenceTax.givenBack(proportional, prices, request, answer));
        return new Exchange(question, settled, cost, ExchangeSettlement.of(settled.total(), eur(0), cost),
                merged(byJurisdiction));
    }

    private static List<JurisdictionTax> merged(List<JurisdictionTax> parts) {
        Map<String, JurisdictionTax> totals = new LinkedHashMap<>();
        parts.forEach(tax -> totals.merge(tax.jurisdiction(), tax,
                (earlier, more) -> earlier.plus(more.taxable(), more.tax())));
        return new ArrayList<>(totals.values());
    }

    private static OrderSnapshot storeOrder(OrderLine line) {
        Money total = line.grossAmount().plus(line.tax());
        return new OrderSnapshot("ORD-9", "CUST-9", SalesChannel.STORE, DemoOrders.DEMO_STORE, NOW, NOW,
                DemoOrders.DEMO_STORE, EUR, List.of(line), List.of(), eur(0), eur(0),
                List.of(new Tender("ORD-9-T1", TenderType.CARD, total, "PSP-9")));
    }

    private static Money eur(long minor) {
        return Money.of(minor, EUR);
    }
}
