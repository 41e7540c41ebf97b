package io.omnireturns.command.returns;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.RecordRefundTax;
import io.omnireturns.api.returns.command.RecordRefundTaxApplied;
import io.omnireturns.api.returns.command.RequestRefundTax;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnErrors.CURRENCY_MISMATCH;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_ALREADY_APPROVED;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_BEFORE_INSPECTION;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_NOT_APPROVED;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_TAX_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The return's tax rules ({@link ReturnTax}), without Axon: one coat, 50.00 + 10.00 tax, back at a German store. */
class ReturnTaxRulesTest {

    private static final String RETURN_ID = "RET-T";
    private static final OrderSnapshot ORDER = anOrder().withLine("L1", 1, 5000, 1000)
            .paidWith("T1", TenderType.CARD, 6000).build();
    private static final TaxRequest REQUEST = new TaxRequest(RETURN_ID + ":CALCULATE_TAX:1", RETURN_ID, EUR,
            List.of(new TaxableLine("L1", TaxableKind.MERCHANDISE, "apparel", eur(5000), eur(500), "FR", "DE")));
    private static final TaxCalculation ANSWER = new TaxCalculation("TC-1", EUR,
            List.of(new LineTax("L1", eur(1000), "FR", eur(95), "DE")),
            List.of(new JurisdictionTax("FR", eur(5000), eur(1000)), new JurisdictionTax("DE", eur(500), eur(95))));
    // 50.00 + (10.00 - 0.95) - 5.00
    private static final Money TOTAL = eur(5405);
    private static final List<JurisdictionTax> GIVEN_BACK = List.of(new JurisdictionTax("FR", eur(5000), eur(1000)),
            new JurisdictionTax("DE", eur(-500), eur(-95)));

    @Test
    void an_inspected_return_records_what_the_tax_service_is_asked_and_why() {
        assertThat(ReturnTax.request(new RequestRefundTax(RETURN_ID, REQUEST, List.of("CROSS_JURISDICTION")),
                inspected())).containsExactly(new RefundTaxRequested(RETURN_ID, REQUEST, List.of("CROSS_JURISDICTION")));
    }

    @Test
    void the_tax_service_is_asked_neither_before_inspection_nor_once_the_refund_is_decided() {
        assertThatThrownBy(() -> ReturnTax.request(new RequestRefundTax(RETURN_ID, REQUEST, List.of()), received()))
                .satisfies(refusedWith(REFUND_BEFORE_INSPECTION));
        assertThatThrownBy(() -> ReturnTax.request(new RequestRefundTax(RETURN_ID, REQUEST, List.of()), approved()))
                .satisfies(refusedWith(REFUND_ALREADY_APPROVED));
    }

    @Test
    void an_answer_is_recorded_while_the_refund_is_undecided_and_changes_nothing_after() {
        RecordRefundTax answered = new RecordRefundTax(RETURN_ID, REQUEST.requestId(), ANSWER);

        assertThat(ReturnTax.calculated(answered, inspected()))
                .containsExactly(new RefundTaxCalculated(RETURN_ID, REQUEST.requestId(), ANSWER));
        assertThat(ReturnTax.calculated(answered, approved())).isEmpty();
    }

    @Test
    void an_answer_in_another_currency_is_refused() {
        TaxCalculation inPounds = new TaxCalculation("TC-2", "GBP", List.of(), List.of());

        assertThatThrownBy(() -> ReturnTax.calculated(new RecordRefundTax(RETURN_ID, REQUEST.requestId(), inPounds),
                inspected())).satisfies(refusedWith(CURRENCY_MISMATCH));
    }

    @Test
    void the_tax_given_back_per_jurisdiction_is_recorded_when_it_sums_to_the_approved_refunds_tax() {
        assertThat(ReturnTax.applied(new RecordRefundTaxApplied(RETURN_ID, "TC-1", List.of("CROSS_JURISDICTION"),
                GIVEN_BACK), approved())).containsExactly(
                new RefundTaxApplied(RETURN_ID, "TC-1", List.of("CROSS_JURISDICTION"), GIVEN_BACK));
    }

    @Test
    void tax_per_jurisdiction_that_does_not_sum_to_the_approved_refunds_tax_is_refused() {
        List<JurisdictionTax> oneCentOff = List.of(new JurisdictionTax("FR", eur(5000), eur(1000)),
                new JurisdictionTax("DE", eur(-500), eur(-94)));

        assertThatThrownBy(() -> ReturnTax.applied(new RecordRefundTaxApplied(RETURN_ID, "TC-1", List.of(), oneCentOff),
                approved())).satisfies(refusedWith(REFUND_TAX_MISMATCH));
        assertThatThrownBy(() -> ReturnTax.applied(new RecordRefundTaxApplied(RETURN_ID, "TC-1", List.of(), GIVEN_BACK),
                inspected())).satisfies(refusedWith(REFUND_NOT_APPROVED));
    }

    @Test
    void an_exchanges_price_difference_tax_counts_beside_the_refunds_and_only_for_an_exchange() {
        // the replacement is 20.00 net dearer, taxed 3.80 in Germany: given back there 0.95 less 3.80
        List<JurisdictionTax> withDifference = List.of(new JurisdictionTax("FR", eur(5000), eur(1000)),
                new JurisdictionTax("DE", eur(-2500), eur(-475)));
        RecordRefundTaxApplied applied = new RecordRefundTaxApplied(RETURN_ID, "TC-1",
                List.of("CROSS_JURISDICTION", "PRICE_DIFFERENCE"), withDifference, eur(-380));

        assertThat(ReturnTax.applied(applied, approved(RefundMethod.EXCHANGE))).containsExactly(new RefundTaxApplied(
                RETURN_ID, "TC-1", List.of("CROSS_JURISDICTION", "PRICE_DIFFERENCE"), withDifference, eur(-380)));
        assertThatThrownBy(() -> ReturnTax.applied(applied, approved()))
                .satisfies(refusedWith(REFUND_TAX_MISMATCH));
        assertThatThrownBy(() -> ReturnTax.applied(new RecordRefundTaxApplied(RETURN_ID, "TC-1", List.of(),
                withDifference, eur(-379)), approved(RefundMethod.EXCHANGE))).satisfies(refusedWith(REFUND_TAX_MISMATCH));
    }

    private static ReturnAggregate received() {
        return received(RefundMethod.ORIGINAL_TENDER);
    }

    private static ReturnAggregate received(RefundMethod method) {
        ReturnAggregate state = new ReturnAggregate();
        state.on(new ReturnRequested(RETURN_ID, SalesChannel.STORE, "STORE-DE-01", "CUST-1", "ORD-1",
                method, List.of(new RequestedLine("L1", 1, ReturnReason.CHANGED_MIND)), ORDER));
        state.on(new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 1, 1, List.of()))));
        state.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "STORE-DE-01", List.of(new ReceivedLine("L1", 1, null)),
                List.of()));
        return state;
    }

    private static ReturnAggregate inspected() {
        return inspected(RefundMethod.ORIGINAL_TENDER);
    }

    private static ReturnAggregate inspected(RefundMethod method) {
        ReturnAggregate state = received(method);
        state.on(new ReturnLinesInspected(RETURN_ID, "INSP-1",
                List.of(new InspectedLine("L1", 1, 0, Grade.NEW, Disposition.RESTOCK, false, null))));
        state.on(new ReturnInspectionCompleted(RETURN_ID, "ORD-1", method, List.of(), Map.of(), false));
        return state;
    }

    private static ReturnAggregate approved() {
        return approved(RefundMethod.ORIGINAL_TENDER);
    }

    private static ReturnAggregate approved(RefundMethod method) {
        ReturnAggregate state = inspected(method);
        state.on(new RefundApproved(RETURN_ID, new RefundBreakdown(EUR, List.of(new LineRefund("L1", 1, eur(5000),
                eur(905), eur(500), eur(0), TOTAL, List.of("TAX_FROM_TAX_SERVICE"))), eur(0), TOTAL,
                List.of(new TenderRefund("T1", TenderType.CARD, TOTAL)))));
        return state;
    }

    private static Consumer<Throwable> refusedWith(String code) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
