package io.omnireturns.query.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.PolicyOverride;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.SHOES;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
import static io.omnireturns.query.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status documents already stored keep reading as they were written. The stored document below (the {@code document}
 * and {@code underlying_systems} columns of one row) was written by the draft before it was split by job; a draft
 * built from the same events today must write it field for field, and one opened from it must carry on as the live
 * one does. The stored format tolerates unknown fields, so a renamed one would otherwise be lost without a word.
 */
class StoredStatusDocumentTest {

    private static final String RETURN_ID = "R-STORED";
    private static final String ORDER_ID = "O-STORED";
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    private static final String EXCEPTION_ID = "EX-R-STORED-1";
    private static final String STORED_ROW = "/status/stored-status-row.json";
    private static final ObjectMapper STORAGE = AxonInfrastructureConfiguration.storageObjectMapper();

    private long sequence;

    @Test
    void a_return_seen_through_every_kind_of_event_is_stored_as_documents_stored_before_were() throws IOException {
        assertThat(row(everyKindOfEvent())).isEqualTo(storedRow());
    }

    @Test
    void a_stored_document_opened_for_change_writes_itself_unchanged_and_carries_on_like_the_live_draft()
            throws IOException {
        JsonNode stored = storedRow();
        ReturnStatusDraft opened = ReturnStatusDraft.of(
                STORAGE.treeToValue(stored.get("document"), ReturnStatusView.class),
                List.of(STORAGE.treeToValue(stored.get("underlying_systems"), SystemStateView[].class)));
        ReturnStatusDraft live = everyKindOfEvent();

        assertThat(row(opened)).isEqualTo(stored);

        long next = sequence;
        carryOn(opened);
        sequence = next;
        carryOn(live);
        assertThat(row(opened)).isEqualTo(row(live));
        assertThat(opened.toView().status()).isEqualTo(ReturnStatus.REFUNDED);
    }

    /** The exception is retried, the hold resumed and the refund confirmed and settled. */
    private void carryOn(ReturnStatusDraft draft) {
        draft.on(new ExceptionResolved(RETURN_ID, EXCEPTION_ID, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", "RETRY",
                "ops-1"), next("ExceptionResolved"));
        draft.on(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "retry of REFUND_PAYMENT", "ops-1",
                ReturnStatus.REFUND_PENDING), next("ReturnHoldResolved"));
        draft.on(new RefundIssued(RETURN_ID, "PAY-1", eur(3000)), next("RefundIssued"));
        draft.on(new RefundSettled(RETURN_ID, "PAY-1"), next("RefundSettled"));
    }

    /** Each kind of return event the status view knows, ending on hold with a payment exception and its case open. */
    private ReturnStatusDraft everyKindOfEvent() {
        sequence = 0;
        ReturnStatusDraft draft = ReturnStatusDraft.requested(
                requested(RETURN_ID, ORDER_ID, "C-1", SalesChannel.WEB, null), next("ReturnRequested"));
        draft.on(authorizedInFull(RETURN_ID), next("ReturnAuthorized"));
        draft.on(new FraudAssessed(RETURN_ID, 71, true, List.of("NEW_ACCOUNT")), next("FraudAssessed"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 71",
                ReturnStatus.AUTHORIZED), next("ReturnPutOnHold"));
        draft.on(new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "known customer", "agent-1",
                ReturnStatus.AUTHORIZED), next("ReturnHoldResolved"));
        draft.on(new ReturnLabelIssued(RETURN_ID, "DHL", "TRK-1", "https://labels.example/1"), next("ReturnLabelIssued"));
        draft.on(new WarehouseAdvised(RETURN_ID, "WH-1", "ADV-1"), next("WarehouseAdvised"));
        draft.on(new ReturnParcelInTransit(RETURN_ID, "DHL", "TRK-1"), next("ReturnParcelInTransit"));
        draft.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)),
                List.of()), next("ReturnItemsReceived"));
        draft.on(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(
                new InspectedLine(SHIRTS, 1, 1, Grade.USED, Disposition.RESTOCK, false, null))), next("ReturnLinesInspected"));
        draft.on(new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)), Map.of(SHOES, 1), false),
                next("ReturnInspectionCompleted"));
        draft.on(new GoodwillGranted(RETURN_ID, PolicyOverride.DEDUCTIONS_WAIVED, "loyal", "agent-1"),
                next("GoodwillGranted"));
        draft.on(oneShirtRefunded(RETURN_ID), next("RefundApproved"));
        draft.on(new CreditMemoPosted(RETURN_ID, "CM-1", eur(3000)), next("CreditMemoPosted"));
        draft.on(new InventoryAdjusted(RETURN_ID, "ADJ-1", SHIRTS, SHIRT_SKU, Disposition.RESTOCK, "WH-1", 1),
                next("InventoryAdjusted"));
        draft.on(new LoyaltyAdjusted(RETURN_ID, 30, "LOY-1"), next("LoyaltyAdjusted"));
        draft.on(new CustomerNotified(RETURN_ID, "INSPECTED", "EMAIL"), next("CustomerNotified"));
        draft.on(new ReturnNoteAdded(RETURN_ID, "NOTE-1", "customer called", "agent-1"), next("ReturnNoteAdded"));
        draft.on(new RefundRequested(RETURN_ID, "R-STORED:refund", eur(3000)), next("RefundRequested"));
        draft.on(new StepAttemptFailed(RETURN_ID, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", ExternalSystem.PAYMENT,
                "SERVER_ERROR_503", "gateway down", true, 1), next("StepAttemptFailed"));
        draft.on(new RefundFailed(RETURN_ID, "SERVER_ERROR_503", "gateway down", true), next("RefundFailed"));
        draft.on(new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                "SERVER_ERROR_503: gateway down", ReturnStatus.REFUND_PENDING), next("ReturnPutOnHold"));
        draft.on(new ExceptionRaised(RETURN_ID, EXCEPTION_ID, ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT",
                ExternalSystem.PAYMENT, "SERVER_ERROR_503", "gateway down", 3), next("ExceptionRaised"));
        draft.on(new CaseOpened(RETURN_ID, EXCEPTION_ID, "CASE-1"), next("CaseOpened"));
        return draft;
    }

    /** The row as the repository writes it, read back as text is (numbers compare by value, not by Java type). */
    private static JsonNode row(ReturnStatusDraft draft) throws IOException {
        ObjectNode row = STORAGE.createObjectNode();
        row.set("document", STORAGE.readTree(STORAGE.writeValueAsString(draft.toView())));
        row.set("underlying_systems", STORAGE.readTree(STORAGE.writeValueAsString(draft.underlyingSystems())));
        return row;
    }

    private static JsonNode storedRow() throws IOException {
        try (InputStream in = StoredStatusDocumentTest.class.getResourceAsStream(STORED_ROW)) {
            assertThat(in).as(STORED_ROW).isNotNull();
            return STORAGE.readTree(in);
        }
    }

    private EventStamp next(String eventName) {
        long number = sequence++;
        return new EventStamp(number, START.plusSeconds(60 * number), eventName);
    }
}
