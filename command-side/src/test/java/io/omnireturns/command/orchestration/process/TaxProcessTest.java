package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.RefundTaxContext;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.delayOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.HOODIE;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store return whose refund's tax comes from the tax service: the decision asks first, the process calls the
 * service as the step {@code CALCULATE_TAX} (off the processor's thread, under the request's key) and sends the
 * decision again with the answer; the credit memo carries the tax given back per jurisdiction.
 */
class TaxProcessTest {

    private final ReturnStory story = ReturnStory.atStore();
    private final TaxRequest request = new TaxRequest(RETURN_ID + ":CALCULATE_TAX:1", RETURN_ID, "EUR", List.of(
            new TaxableLine(HOODIE, TaxableKind.MERCHANDISE, "apparel", eur(4995), eur(499), "FR", "DE")));
    private final TaxCalculation answer = new TaxCalculation("TC-1", "EUR",
            List.of(new LineTax(HOODIE, eur(999), "FR", eur(95), "DE")),
            List.of(new JurisdictionTax("FR", eur(4995), eur(999)), new JurisdictionTax("DE", eur(499), eur(95))));
    private final RefundTaxRequested requested = new RefundTaxRequested(RETURN_ID, request,
            List.of("CROSS_JURISDICTION"));

    @Test
    void a_store_return_is_decided_with_the_store_it_came_back_to_and_no_tax_figures_yet() {
        List<Object> sent = commands(given(story.upToReceipt(), story.linesInspected())
                .when(story.inspectionCompleted()));

        assertThat(sent).singleElement().isInstanceOfSatisfying(DecideRefund.class, decide -> assertThat(decide.tax())
                .isEqualTo(new RefundTaxContext(DemoOrders.DEMO_STORE, null, null, 0)));
    }

    @Test
    void a_tax_request_calls_the_tax_service_under_the_requests_key_and_decides_nothing_meanwhile() {
        var actions = given(story.upToInspection()).when(requested);

        assertThat(calledKeys(actions)).containsExactly(StepKey.tax(1));
        assertThat(commands(actions)).isEmpty();
        StepCall.Tax call = onlyCall(actions, StepCall.Tax.class);
        assertThat(call.request()).isEqualTo(request);
        assertThat(call.idempotencyKey()).isEqualTo(request.requestId());
    }

    @Test
    void the_tax_services_answer_sends_the_decision_again_with_its_figures() {
        var actions = given(story.upToInspection(), requested)
                .when(new RefundTaxCalculated(RETURN_ID, request.requestId(), answer));

        assertThat(calledKeys(actions)).isEmpty();
        assertThat(commands(actions)).singleElement().isInstanceOfSatisfying(DecideRefund.class,
                decide -> assertThat(decide.tax()).isEqualTo(
                        new RefundTaxContext(DemoOrders.DEMO_STORE, request, answer, 1)));
    }

    @Test
    void an_answer_to_an_earlier_request_is_not_taken_for_the_current_one() {
        TaxRequest second = new TaxRequest(RETURN_ID + ":CALCULATE_TAX:2", RETURN_ID, "EUR", request.lines());

        var actions = given(story.upToInspection(), requested,
                new RefundTaxRequested(RETURN_ID, second, List.of("CROSS_JURISDICTION")))
                .when(new RefundTaxCalculated(RETURN_ID, request.requestId(), answer));

        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void a_failed_call_of_the_tax_service_is_tried_again_after_the_back_off_by_the_process() {
        var actions = given(story.upToInspection(), requested)
                .when(story.stepFailed(StepKey.tax(1), "SERVER_ERROR_503", true, 1));

        assertThat(calledKeys(actions)).containsExactly(StepKey.tax(1));
        assertThat(delayOf(actions, StepKey.tax(1))).isPositive();
        assertThat(commands(actions)).isEmpty();
    }

    @Test
    void the_credit_memo_carries_the_tax_given_back_per_jurisdiction() {
        List<JurisdictionTax> given = List.of(new JurisdictionTax("FR", eur(4995), eur(999)),
                new JurisdictionTax("DE", eur(-499), eur(-95)));

        var actions = given(story.upToRefundApproval(), new RefundTaxApplied(RETURN_ID, "TC-1",
                List.of("CROSS_JURISDICTION"), given), story.refundRequested()).when(story.refundIssued());

        assertThat(onlyCall(actions, StepCall.CreditMemo.class).request().taxByJurisdiction()).isEqualTo(given);
    }
}
