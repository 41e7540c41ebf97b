package io.omnireturns.query.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
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
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.omnireturns.query.status.ReturnEvents.SHIRTS;
import static io.omnireturns.query.status.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.status.ReturnEvents.SHOES;
import static io.omnireturns.query.status.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.status.ReturnEvents.eur;
import static io.omnireturns.query.status.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.status.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

/** What single events mean for the view, without Axon or a database. */
class ReturnStatusDraftTest {

    private static final String RETURN_ID = "R-1";
    private static final String ORDER_ID = "O-1";
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    private long sequence;

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
        ReturnStatusDraft draft = inspected();
        draft.on(oneShirtRefunded(RETURN_ID), next("RefundApproved"));
        ReturnStatusView view = draft.toView();
        ObjectMapper storage = AxonInfrastructureConfiguration.storageObjectMapper();

        ReturnStatusView stored = storage.readValue(storage.writeValueAsString(view), ReturnStatusView.class);

        assertThat(stored).isEqualTo(view);
        assertThat(ReturnStatusDraft.of(stored).toView()).isEqualTo(view);
    }

    private ReturnStatusDraft authorized() {
        ReturnStatusDraft draft = ReturnStatusDraft.requested(
                requested(RETURN_ID, ORDER_ID, "C-1", SalesChannel.WEB, null), next("ReturnRequested"));
        draft.on(authorizedInFull(RETURN_ID), next("ReturnAuthorized"));
        return draft;
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
