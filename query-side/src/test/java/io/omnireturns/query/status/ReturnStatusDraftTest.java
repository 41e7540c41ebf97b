package io.omnireturns.query.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.OpenExceptionView;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.InspectionOutcome;
import io.omnireturns.api.returns.LogisticsState;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.omnireturns.api.query.TrustView;
import io.omnireturns.api.returns.ReturnerSignal;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU_LARGE;
import static io.omnireturns.query.ReturnEvents.SHOES;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
import static io.omnireturns.query.ReturnEvents.exchangeRequested;
import static io.omnireturns.query.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

/** What single events mean for the view, without Axon or a database. */
class ReturnStatusDraftTest {

    private static final String RETURN_ID = "R-1";
    private static final String ORDER_ID = "O-1";
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    private static final String EXCEPTION_ID = "EX-R-1-1";

    private long sequence;

    @Test
    void a_note_is_kept_as_written_and_the_timeline_says_who_wrote_it() {
        ReturnStatusDraft draft = authorized();
        String text = "<script>alert('x')</script> & \"quoted\"";

        draft.on(new io.omnireturns.api.returns.event.ReturnNoteAdded(RETURN_ID, "NOTE-1", text, "service-agent"),
                next("ReturnNoteAdded"));

        ReturnStatusView view = draft.toView();
        assertThat(view.notes()).singleElement().satisfies(note -> {
            assertThat(note.text()).isEqualTo(text);
            assertThat(note.author()).isEqualTo("service-agent");
            assertThat(note.noteId()).isEqualTo("NOTE-1");
        });
        assertThat(view.timeline().get(view.timeline().size() - 1).description()).isEqualTo("Note by service-agent");
    }

    @Test
    void the_customers_trust_tier_and_signals_are_shown_and_kept_when_the_stored_view_is_opened_again() {
        ReturnStatusDraft draft = authorized();

        draft.on(new CustomerTrustAssessed(RETURN_ID, "C-1", TrustTier.WATCHED,
                List.of(ReturnerSignal.HIGH_RETURN_RATE, ReturnerSignal.HIGH_KEEP_IT_SHARE), 365, 4, eur(40_000),
                eur(60_000), 6_666, 2, 2, 0), next("CustomerTrustAssessed"));

        ReturnStatusView view = draft.toView();
        assertThat(view.trust()).isEqualTo(new TrustView(TrustTier.WATCHED,
                List.of(ReturnerSignal.HIGH_RETURN_RATE, ReturnerSignal.HIGH_KEEP_IT_SHARE), 365, 4, eur(40_000),
                eur(60_000), 6_666, 2, 2, 0));
        assertThat(view.timeline().get(view.timeline().size() - 1).description())
                .isEqualTo("Customer's returns read: watched (high return rate, high keep it share), 4 return(s) in "
                        + "365 days");
        assertThat(ReturnStatusDraft.of(view, List.of()).toView().trust()).isEqualTo(view.trust());
    }

    @Test
    void a_declined_return_shows_rejected_with_the_reason_code_and_who_declined_it() {
        ReturnStatusDraft draft = authorized();

        draft.on(new io.omnireturns.api.returns.event.ReturnDeclined(RETURN_ID, ORDER_ID,
                io.omnireturns.api.returns.DeclineReason.NOT_RETURNABLE, null, "service-agent", ReturnStatus.AUTHORIZED),
                next("ReturnDeclined"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(view.timeline().get(view.timeline().size() - 1).description())
                .isEqualTo("Declined by service-agent: NOT_RETURNABLE");
    }

    @Test
    void a_goodwill_exception_shows_in_the_timeline_as_a_policy_override() {
        ReturnStatusDraft draft = authorized();

        draft.on(new io.omnireturns.api.returns.event.GoodwillGranted(RETURN_ID,
                io.omnireturns.api.returns.PolicyOverride.DEDUCTIONS_WAIVED, "loyal customer", "service-agent"),
                next("GoodwillGranted"));

        assertThat(draft.toView().timeline().get(draft.toView().timeline().size() - 1).description())
                .isEqualTo("Goodwill exception by service-agent, policy overridden (DEDUCTIONS_WAIVED): loyal customer");
    }

    @Test
    void a_refund_of_nothing_counts_as_refunded_without_the_payment_gateway() {
        ReturnStatusDraft draft = inspected();

        draft.on(new RefundApproved(RETURN_ID, RefundBreakdown.none("EUR")), next("RefundApproved"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(view.refund().approvedTotal()).isEqualTo(eur(0));
        assertThat(view.refund().refundedAt()).isNotNull();
        assertThat(view.lines()).allSatisfy(line -> assertThat(line.money().refundedAmount()).isEqualTo(eur(0)));
        assertThat(system(view, ExternalSystem.PAYMENT).state()).isEqualTo("NOT_REQUIRED");
    }

    @Test
    void a_line_that_received_only_a_wrong_item_stays_wrong_item_when_inspection_finds_it_short() {
        ReturnStatusDraft draft = authorized();
        draft.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(
                new ReceivedLine(SHIRTS, 2, SHIRT_SKU),
                new ReceivedLine(SHOES, 1, "SKU-SANDALS")), List.of(SHOES)), next("ReturnItemsReceived"));
        draft.on(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(
                new InspectedLine(SHIRTS, 2, 0, Grade.NEW, Disposition.RESTOCK, false, null))), next("ReturnLinesInspected"));

        draft.on(new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(SHIRTS, 2, Grade.NEW, ReturnReason.SIZE_OR_FIT)), Map.of(SHOES, 1), false),
                next("ReturnInspectionCompleted"));

        ReturnStatusView view = draft.toView();
        assertThat(line(view, SHIRTS).logistics().state()).isEqualTo(LogisticsState.RECEIVED);
        assertThat(line(view, SHIRTS).inspection().outcome()).isEqualTo(InspectionOutcome.ACCEPTED);
        assertThat(line(view, SHOES).logistics().state()).isEqualTo(LogisticsState.WRONG_ITEM);
        assertThat(line(view, SHOES).logistics().shortQuantity()).isEqualTo(1);
        assertThat(line(view, SHOES).logistics().wrongItemQuantity()).isEqualTo(1);
    }

    @Test
    void part_of_a_line_received_is_partially_received() {
        ReturnStatusDraft draft = authorized();

        draft.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(new ReceivedLine(SHIRTS, 1, SHIRT_SKU)),
                List.of()), next("ReturnItemsReceived"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.RECEIVED);
        assertThat(line(view, SHIRTS).logistics().state()).isEqualTo(LogisticsState.PARTIALLY_RECEIVED);
        assertThat(line(view, SHOES).logistics().state()).isEqualTo(LogisticsState.EXPECTED);
    }

    @Test
    void resuming_an_inspection_hold_settles_the_manual_review_by_the_inspected_quantities() {
        ReturnStatusDraft draft = authorized();
        draft.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)),
                List.of()), next("ReturnItemsReceived"));
        draft.on(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(
                        new InspectedLine(SHIRTS, 1, 1, Grade.DAMAGED, Disposition.SCRAP, true, "seam torn"))),
                next("ReturnLinesInspected"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                "manual review requested for line(s) L1", ReturnStatus.INSPECTED), next("ReturnPutOnHold"));
        assertThat(line(draft.toView(), SHIRTS).inspection().outcome()).isEqualTo(InspectionOutcome.MANUAL_REVIEW);

        draft.on(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "photos checked", "agent-1",
                ReturnStatus.INSPECTED), next("ReturnHoldResolved"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.INSPECTED);
        assertThat(view.hold()).isNull();
        assertThat(line(view, SHIRTS).inspection().outcome()).isEqualTo(InspectionOutcome.PARTIALLY_ACCEPTED);
        assertThat(system(view, ExternalSystem.WAREHOUSE).state()).isEqualTo("RESOLVED");
    }

    @Test
    void a_final_refund_failure_marks_the_payment_failed_and_the_hold_names_it() {
        ReturnStatusDraft draft = inspected();
        draft.on(oneShirtRefunded(RETURN_ID), next("RefundApproved"));
        draft.on(new RefundRequested(RETURN_ID, "R-1:refund", eur(3000)), next("RefundRequested"));

        draft.on(new RefundFailed(RETURN_ID, "CARD_EXPIRED", "card expired", true), next("RefundFailed"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                "CARD_EXPIRED: card expired", ReturnStatus.REFUND_PENDING), next("ReturnPutOnHold"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.ON_HOLD);
        assertThat(view.hold().system()).isEqualTo(ExternalSystem.PAYMENT);
        assertThat(system(view, ExternalSystem.PAYMENT))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("FAILED", "R-1:refund");
        assertThat(view.refund().failures()).singleElement()
                .satisfies(failure -> assertThat(failure.finalFailure()).isTrue());
        assertThat(line(view, SHIRTS).money().refundedAmount()).isNull();
    }

    @Test
    void a_view_read_back_from_its_stored_json_and_written_again_is_unchanged() throws Exception {
        ReturnStatusDraft draft = refundRequested();
        draft.on(paymentException(3), next("ExceptionRaised"));
        draft.on(new CaseOpened(RETURN_ID, EXCEPTION_ID, "CASE-9"), next("CaseOpened"));
        ReturnStatusView view = draft.toView();
        ObjectMapper storage = AxonInfrastructureConfiguration.storageObjectMapper();

        ReturnStatusView stored = storage.readValue(storage.writeValueAsString(view), ReturnStatusView.class);

        assertThat(stored).isEqualTo(view);
        assertThat(stored.openExceptions()).singleElement()
                .satisfies(open -> assertThat(open.caseId()).isEqualTo("CASE-9"));
        assertThat(ReturnStatusDraft.of(stored, draft.underlyingSystems()).toView()).isEqualTo(view);
    }

    @Test
    void a_view_stored_before_exceptions_were_shown_reads_as_one_without_any() throws Exception {
        ObjectMapper storage = AxonInfrastructureConfiguration.storageObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode json = storage.valueToTree(inspected().toView());
        json.remove("openExceptions");

        ReturnStatusView stored = storage.treeToValue(json, ReturnStatusView.class);

        assertThat(stored.openExceptions()).isEmpty();
    }

    @Test
    void a_fraud_score_shows_on_the_fraud_system_and_a_review_holds_it_until_resolved() {
        ReturnStatusDraft cleared = authorized();
        cleared.on(new FraudAssessed(RETURN_ID, 12, false, List.of()), next("FraudAssessed"));
        assertThat(system(cleared.toView(), ExternalSystem.FRAUD))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("ASSESSED", "score 12");

        ReturnStatusDraft suspicious = authorized();
        suspicious.on(new FraudAssessed(RETURN_ID, 91, true, List.of("NEW_ACCOUNT", "HIGH_VALUE")),
                next("FraudAssessed"));
        assertThat(system(suspicious.toView(), ExternalSystem.FRAUD))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("REVIEW", "score 91 (NEW_ACCOUNT, HIGH_VALUE)");
        suspicious.on(new ReturnPutOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD,
                "fraud score 91: NEW_ACCOUNT, HIGH_VALUE", ReturnStatus.AUTHORIZED), next("ReturnPutOnHold"));
        assertThat(system(suspicious.toView(), ExternalSystem.FRAUD).state()).isEqualTo("ON_HOLD");

        suspicious.on(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "customer known", "agent-2",
                ReturnStatus.AUTHORIZED), next("ReturnHoldResolved"));
        assertThat(system(suspicious.toView(), ExternalSystem.FRAUD).state()).isEqualTo("RESOLVED");
        assertThat(suspicious.toView().timeline()).extracting(entry -> entry.event())
                .contains("FraudAssessed", "ReturnPutOnHold", "ReturnHoldResolved");
    }

    @Test
    void the_warehouse_is_advised_before_the_parcel_and_a_late_advice_does_not_take_back_the_receipt() {
        ReturnStatusDraft advised = authorized();
        advised.on(new WarehouseAdvised(RETURN_ID, "WH-1", "ASN-1"), next("WarehouseAdvised"));
        assertThat(system(advised.toView(), ExternalSystem.WAREHOUSE))
                .extracting(SystemStateView::state, SystemStateView::reference, SystemStateView::detail)
                .containsExactly("ADVISED", "ASN-1", "at WH-1");

        ReturnStatusDraft late = authorized();
        late.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)),
                List.of()), next("ReturnItemsReceived"));
        late.on(new WarehouseAdvised(RETURN_ID, "WH-1", "ASN-1"), next("WarehouseAdvised"));
        assertThat(system(late.toView(), ExternalSystem.WAREHOUSE).state()).isEqualTo("RECEIVED");
        assertThat(late.toView().timeline()).last().satisfies(entry -> assertThat(entry.event())
                .isEqualTo("WarehouseAdvised"));
    }

    @Test
    void failed_attempts_show_the_system_retrying_until_the_step_succeeds_and_then_settles() {
        ReturnStatusDraft draft = refundRequested();

        draft.on(attemptFailed(1), next("StepAttemptFailed"));
        draft.on(attemptFailed(2), next("StepAttemptFailed"));

        ReturnStatusView retrying = draft.toView();
        assertThat(system(retrying, ExternalSystem.PAYMENT))
                .extracting(SystemStateView::state, SystemStateView::reference, SystemStateView::detail)
                .containsExactly("RETRYING", "R-1:refund", "attempt 2 failed: SERVER_ERROR_503");
        assertThat(retrying.timeline()).last().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo("StepAttemptFailed");
            assertThat(entry.description()).contains("REFUND_PAYMENT", "attempt 2", "SERVER_ERROR_503");
        });
        assertThat(retrying.status()).isEqualTo(ReturnStatus.REFUND_PENDING);

        draft.on(new RefundIssued(RETURN_ID, "PAY-1", eur(3000)), next("RefundIssued"));
        assertThat(system(draft.toView(), ExternalSystem.PAYMENT).state()).isEqualTo("REFUNDED");
        assertThat(draft.underlyingSystems()).isEmpty();

        draft.on(new RefundSettled(RETURN_ID, "PAY-1"), next("RefundSettled"));
        ReturnStatusView settled = draft.toView();
        assertThat(system(settled, ExternalSystem.PAYMENT))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("SETTLED", "PAY-1");
        assertThat(settled.refund().settledAt()).isEqualTo(settled.updatedAt());
    }

    @Test
    void an_exception_fails_its_system_the_crm_shows_its_case_and_a_retry_restores_both() {
        ReturnStatusDraft draft = refundRequested();
        draft.on(attemptFailed(3), next("StepAttemptFailed"));

        draft.on(paymentException(3), next("ExceptionRaised"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                "REFUND_PAYMENT failed: SERVER_ERROR_503: gateway down", ReturnStatus.REFUND_PENDING),
                next("ReturnPutOnHold"));
        draft.on(new CaseOpened(RETURN_ID, EXCEPTION_ID, "CASE-9"), next("CaseOpened"));

        ReturnStatusView failed = draft.toView();
        assertThat(failed.status()).isEqualTo(ReturnStatus.ON_HOLD);
        assertThat(failed.openExceptions()).singleElement().satisfies(open -> {
            assertThat(open.exceptionId()).isEqualTo(EXCEPTION_ID);
            assertThat(open.step()).isEqualTo(ProcessStep.REFUND_PAYMENT);
            assertThat(open.system()).isEqualTo(ExternalSystem.PAYMENT);
            assertThat(open.failureCode()).isEqualTo("SERVER_ERROR_503");
            assertThat(open.attempts()).isEqualTo(3);
            assertThat(open.caseId()).isEqualTo("CASE-9");
        });
        assertThat(system(failed, ExternalSystem.PAYMENT))
                .satisfies(payment -> {
                    assertThat(payment.state()).isEqualTo("FAILED");
                    assertThat(payment.reference()).isEqualTo("R-1:refund");
                    assertThat(payment.detail())
                            .startsWith(EXCEPTION_ID + ": REFUND_PAYMENT failed after 3 attempt(s)");
                });
        assertThat(system(failed, ExternalSystem.CRM))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("CASE_OPENED", "CASE-9");

        // what RetryException applies: the exception resolved, then the hold, as nothing else is open
        draft.on(new ExceptionResolved(RETURN_ID, EXCEPTION_ID, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", "RETRY",
                "ops-1"), next("ExceptionResolved"));
        draft.on(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "retry of REFUND_PAYMENT", "ops-1",
                ReturnStatus.REFUND_PENDING), next("ReturnHoldResolved"));

        ReturnStatusView retried = draft.toView();
        assertThat(retried.status()).isEqualTo(ReturnStatus.REFUND_PENDING);
        assertThat(retried.hold()).isNull();
        assertThat(retried.openExceptions()).isEmpty();
        assertThat(system(retried, ExternalSystem.PAYMENT))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("REQUESTED", "R-1:refund");
        assertThat(system(retried, ExternalSystem.CRM))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("RESOLVED", "case CASE-9: RETRY by ops-1 (" + EXCEPTION_ID + ")");
        assertThat(draft.underlyingSystems()).isEmpty();
    }

    @Test
    void progress_while_an_exception_is_open_shows_once_it_is_resolved() {
        ReturnStatusDraft draft = refundRequested();
        draft.on(new RefundIssued(RETURN_ID, "PAY-1", eur(3000)), next("RefundIssued"));
        draft.on(new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"), next("CustomerNotified"));
        draft.on(new ExceptionRaised(RETURN_ID, EXCEPTION_ID, ProcessStep.ADJUST_INVENTORY, "ADJUST_INVENTORY:L1",
                ExternalSystem.ERP_INVENTORY, "SERVER_ERROR_500", "ERP down", 5), next("ExceptionRaised"));
        draft.on(new CaseOpened(RETURN_ID, EXCEPTION_ID, "CASE-3"), next("CaseOpened"));

        // the ERP books the line after all (a late answer), and the customer hears of it meanwhile
        draft.on(new InventoryAdjusted(RETURN_ID, "ADJ-1", SHIRTS, SHIRT_SKU, Disposition.RESTOCK, "WH-1", 2),
                next("InventoryAdjusted"));
        draft.on(new CustomerNotified(RETURN_ID, "COMPLETED", "SMS"), next("CustomerNotified"));
        ReturnStatusView open = draft.toView();
        assertThat(system(open, ExternalSystem.ERP_INVENTORY).state()).isEqualTo("FAILED");
        assertThat(system(open, ExternalSystem.CRM).state()).isEqualTo("CASE_OPENED");

        draft.on(new ExceptionResolved(RETURN_ID, EXCEPTION_ID, ProcessStep.ADJUST_INVENTORY, "ADJUST_INVENTORY:L1",
                "RETRY", "ops-1"), next("ExceptionResolved"));

        ReturnStatusView resolved = draft.toView();
        assertThat(system(resolved, ExternalSystem.ERP_INVENTORY))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("ADJUSTED", "ADJ-1");
        assertThat(system(resolved, ExternalSystem.CRM))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("NOTIFIED", "COMPLETED");
        assertThat(system(resolved, ExternalSystem.PAYMENT).state()).isEqualTo("REFUNDED");
    }

    @Test
    void a_person_rejecting_the_return_resolves_its_exception_and_the_system_shows_it_resolved() {
        ReturnStatusDraft draft = authorized();
        draft.on(new ExceptionRaised(RETURN_ID, EXCEPTION_ID, ProcessStep.ISSUE_LABEL, "ISSUE_LABEL",
                ExternalSystem.CARRIER, "ADDRESS_INVALID", "postcode unknown", 1), next("ExceptionRaised"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.INTEGRATION_FAILURE, ExternalSystem.CARRIER,
                "ISSUE_LABEL failed: ADDRESS_INVALID: postcode unknown", ReturnStatus.AUTHORIZED),
                next("ReturnPutOnHold"));
        assertThat(system(draft.toView(), ExternalSystem.CARRIER).detail()).startsWith(EXCEPTION_ID);

        draft.on(new ExceptionResolved(RETURN_ID, EXCEPTION_ID, ProcessStep.ISSUE_LABEL, "ISSUE_LABEL", "REJECT",
                "agent-4"), next("ExceptionResolved"));
        draft.on(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.REJECT, "cannot ship", "agent-4",
                ReturnStatus.REJECTED), next("ReturnHoldResolved"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.REJECTED);
        assertThat(view.openExceptions()).isEmpty();
        assertThat(system(view, ExternalSystem.CARRIER))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("RESOLVED", "REJECT by agent-4 (" + EXCEPTION_ID + ")");
    }

    @Test
    void an_exchange_is_settled_by_a_replacement_order_instead_of_money() {
        ReturnStatusDraft draft = ReturnStatusDraft.requested(exchangeRequested(RETURN_ID, ORDER_ID, "C-1"),
                next("ReturnRequested"));
        assertThat(line(draft.toView(), SHIRTS).replacementSku()).isEqualTo(SHIRT_SKU_LARGE);
        assertThat(draft.toView().timeline().get(0).description()).endsWith("to be exchanged");

        draft.on(new ReplacementOrderCreated(RETURN_ID, "O-REPL-1"), next("ReplacementOrderCreated"));

        ReturnStatusView view = draft.toView();
        assertThat(view.refundMethod()).isEqualTo(RefundMethod.EXCHANGE);
        assertThat(view.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(view.refund().replacementOrderId()).isEqualTo("O-REPL-1");
        assertThat(view.refund().refundedAt()).isEqualTo(view.updatedAt());
        assertThat(system(view, ExternalSystem.ORDER))
                .extracting(SystemStateView::state, SystemStateView::reference)
                .containsExactly("REPLACEMENT_ORDERED", "O-REPL-1");
        assertThat(system(view, ExternalSystem.PAYMENT).state()).isEqualTo("NOT_REQUIRED");
    }

    @Test
    void a_refund_confirmed_while_the_return_is_on_hold_keeps_the_hold_and_resumes_as_refunded() {
        ReturnStatusDraft draft = refundRequested();
        draft.on(paymentException(3), next("ExceptionRaised"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT, "timeout",
                ReturnStatus.REFUND_PENDING), next("ReturnPutOnHold"));

        draft.on(new RefundIssued(RETURN_ID, "PAY-LATE", eur(3000)), next("RefundIssued"));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).isEqualTo(ReturnStatus.ON_HOLD);
        assertThat(view.hold().heldFrom()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(system(view, ExternalSystem.PAYMENT).state()).as("the exception is still open").isEqualTo("FAILED");
        assertThat(view.refund().gatewayReference()).isEqualTo("PAY-LATE");
    }

    private ReturnStatusDraft authorized() {
        ReturnStatusDraft draft = ReturnStatusDraft.requested(
                requested(RETURN_ID, ORDER_ID, "C-1", SalesChannel.WEB, null), next("ReturnRequested"));
        draft.on(authorizedInFull(RETURN_ID), next("ReturnAuthorized"));
        return draft;
    }

    private ReturnStatusDraft refundRequested() {
        ReturnStatusDraft draft = inspected();
        draft.on(oneShirtRefunded(RETURN_ID), next("RefundApproved"));
        draft.on(new RefundRequested(RETURN_ID, "R-1:refund", eur(3000)), next("RefundRequested"));
        return draft;
    }

    private static StepAttemptFailed attemptFailed(int attempt) {
        return new StepAttemptFailed(RETURN_ID, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", ExternalSystem.PAYMENT,
                "SERVER_ERROR_503", "gateway down", true, attempt);
    }

    private static ExceptionRaised paymentException(int attempts) {
        return new ExceptionRaised(RETURN_ID, EXCEPTION_ID, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT",
                ExternalSystem.PAYMENT, "SERVER_ERROR_503", "gateway down", attempts);
    }

    private ReturnStatusDraft inspected() {
        ReturnStatusDraft draft = authorized();
        draft.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)),
                List.of()), next("ReturnItemsReceived"));
        draft.on(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(
                new InspectedLine(SHIRTS, 1, 1, Grade.USED, Disposition.RESTOCK, false, null))), next("ReturnLinesInspected"));
        draft.on(new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)), Map.of(SHOES, 1), false),
                next("ReturnInspectionCompleted"));
        return draft;
    }

    private EventStamp next(String eventName) {
        long number = sequence++;
        return new EventStamp(number, START.plusSeconds(60 * number), eventName);
    }

    private static ReturnLineView line(ReturnStatusView view, String orderLineId) {
        return view.lines().stream().filter(line -> line.orderLineId().equals(orderLineId)).findFirst().orElseThrow();
    }

    private static SystemStateView system(ReturnStatusView view, ExternalSystem system) {
        return view.systems().stream().filter(state -> state.system() == system).findFirst().orElseThrow();
    }
}
