package io.omnireturns.command.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.returns.event.StoreCreditBonusGranted;
import io.omnireturns.command.StoredFieldByField;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a return remembers, and how each of its events changes that: the only place its state changes, and no
 * decision is taken here. {@link ReturnAggregate} decides on it (with the rule classes beside it) and applies.
 * <p>
 * The aggregate extends this class rather than holding it, so a snapshot stores these fields flat, as revision 2 of
 * the aggregate wrote them when they were its own, plus those added since ({@code ReturnSnapshotFormatTest}); the
 * stored format ignores unknown fields, so a nested or renamed field would be lost without a word, and a field whose
 * value an older snapshot cannot give needs the aggregate's snapshot revision raised. Fields are read by the rule
 * classes of this package and never written outside the event sourcing handlers.
 */
@StoredFieldByField
abstract class ReturnState {

    @AggregateIdentifier
    String returnId;
    ReturnStatus status;
    ReturnStatus heldFrom;
    /** Why the return was put on hold, read while it is (null once resolved); a retry resumes only a failed step's. */
    HoldReason holdReason;
    String orderId;
    String storeId;
    String customerId;
    String currency;
    RefundMethod refundMethod;
    boolean eligibilityDecided;
    final Map<String, ReturnLine> lines = new LinkedHashMap<>();
    final Set<String> receiptIds = new HashSet<>();
    final Set<String> inspectionIds = new HashSet<>();
    final Set<String> inventoryAdjustmentIds = new HashSet<>();
    final Set<String> notifiedMilestones = new HashSet<>();
    boolean labelIssued;
    boolean fraudAssessed;
    boolean warehouseAdvised;
    boolean refundSettled;
    String replacementOrderId;
    /** Open exceptions by id. */
    final Map<String, ExceptionRaised> openExceptions = new LinkedHashMap<>();
    final Set<String> casesOpenedFor = new HashSet<>();
    int exceptionsRaised;
    RefundBreakdown approvedRefund;
    String refundRequestKey;
    String refundGatewayReference;
    String creditMemoDocument;
    String loyaltyReference;
    DeclineReason declineReason;
    String declineNote;
    String goodwillReason;
    // Left out of snapshots while null, so a snapshot of a return without them reads as revision 2 wrote it.
    /** The quote and exchange prices the return was requested on (null: none recorded). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    SettlementTermsAgreed settlementTerms;
    /** How an exchange at a different price settles (null: not decided, or one settled in goods alone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    ExchangeDifferenceDecided exchangeDifference;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    DifferenceChargeRequested differenceCharge;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    StoreCreditBonusGranted storeCreditBonus;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String chargeGatewayReference;
    /** The gift recipient's e-mail; null unless a gift return. */
    String giftRecipientEmail;
    /** The customer's trust tier as assessed at the request; null until (or unless) it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    TrustTier trustTier;
    /** Hash of each note's text by note id: a repeated note is recognised, a reused id refused. */
    final Map<String, Integer> noteTextHashes = new HashMap<>();

    /** Refunded at the first carrier scan: receipt and inspection leave the status where the money took it. */
    abstract boolean refundedEarly();

    boolean anythingReceived() {
        return lines.values().stream().anyMatch(line -> line.receivedQuantity > 0);
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        returnId = event.returnId();
        status = ReturnStatus.REQUESTED;
        OrderSnapshot order = event.order();
        orderId = event.orderId();
        storeId = event.storeId();
        customerId = event.customerId();
        currency = order.currency();
        refundMethod = event.refundMethod();
        for (RequestedLine requested : event.lines()) {
            String sku = order.line(requested.orderLineId()).map(OrderLine::sku).orElse(null);
            lines.put(requested.orderLineId(),
                    new ReturnLine(requested.orderLineId(), sku, requested.quantity(), requested.reason()));
        }
    }

    @EventSourcingHandler
    void on(ReturnAuthorized event) {
        event.decisions().forEach(decision -> lines.get(decision.orderLineId()).authorizedQuantity = decision.authorizedQuantity());
        eligibilityDecided = true;
        status = ReturnStatus.AUTHORIZED;
    }

    @EventSourcingHandler
    void on(ReturnRejected event) {
        eligibilityDecided = true;
        status = ReturnStatus.REJECTED;
    }

    /** Kept lines count as accepted at the best grade, inspected by no one, and are written off. */
    @EventSourcingHandler
    void on(ReturnLinesKept event) {
        for (KeptLine kept : event.lines()) {
            ReturnLine line = lines.get(kept.orderLineId());
            line.keptQuantity = kept.quantity();
            line.inspected = true;
            line.acceptedQuantity = kept.quantity();
            line.grade = Grade.NEW;
            line.disposition = Disposition.SCRAP;
        }
    }

    @EventSourcingHandler
    void on(GiftReturnRecorded event) {
        giftRecipientEmail = event.recipientEmail();
    }

    @EventSourcingHandler
    void on(CustomerTrustAssessed event) {
        trustTier = event.tier();
    }

    @EventSourcingHandler
    void on(ReturnLabelIssued event) {
        labelIssued = true;
    }

    @EventSourcingHandler
    void on(ReturnParcelInTransit event) {
        status = ReturnStatus.IN_TRANSIT;
    }

    @EventSourcingHandler
    void on(ReturnItemsReceived event) {
        receiptIds.add(event.receiptId());
        for (ReceivedLine received : event.lines()) {
            ReturnLine line = lines.get(received.orderLineId());
            if (event.wrongItemLineIds().contains(received.orderLineId()) && received.isWrongItem(line.sku)) {
                line.wrongItemQuantity += received.quantity();
            } else {
                line.receivedQuantity += received.quantity();
                line.inspected = false; // items that arrive after the line's inspection are inspected with it again
            }
        }
        if (anythingReceived() && !refundedEarly()) {
            status = ReturnStatus.RECEIVED; // a parcel of wrong items alone does not count as receipt
        }
    }

    @EventSourcingHandler
    void on(ReturnLinesInspected event) {
        inspectionIds.add(event.inspectionId());
        for (InspectedLine inspected : event.lines()) {
            ReturnLine line = lines.get(inspected.orderLineId());
            line.inspected = true;
            line.acceptedQuantity = inspected.acceptedQuantity();
            line.rejectedQuantity = inspected.rejectedQuantity();
            line.grade = inspected.grade();
            line.disposition = inspected.disposition();
        }
    }

    @EventSourcingHandler
    void on(ReturnInspectionCompleted event) {
        if (!refundedEarly()) {
            status = ReturnStatus.INSPECTED;
        }
    }

    @EventSourcingHandler
    void on(RefundApproved event) {
        approvedRefund = event.breakdown();
        if (approvedRefund.total().isZero()) {
            status = ReturnStatus.REFUNDED; // nothing to pay: no gateway round trip
        }
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refundRequestKey = event.idempotencyKey();
        status = ReturnStatus.REFUND_PENDING;
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        refundGatewayReference = event.gatewayReference();
        if (status == ReturnStatus.ON_HOLD) {
            heldFrom = ReturnStatus.REFUNDED;
        } else {
            status = ReturnStatus.REFUNDED;
        }
    }

    @EventSourcingHandler
    void on(RefundSettled event) {
        refundSettled = true;
    }

    @EventSourcingHandler
    void on(ReplacementOrderCreated event) {
        replacementOrderId = event.replacementOrderId();
        if (exchangeDifference == null || status == ReturnStatus.INSPECTED || status == ReturnStatus.IN_TRANSIT) {
            status = ReturnStatus.REFUNDED; // a difference refunded meanwhile brings it there when issued
        }
    }

    @EventSourcingHandler
    void on(SettlementTermsAgreed event) {
        settlementTerms = event;
    }

    @EventSourcingHandler
    void on(StoreCreditBonusGranted event) {
        storeCreditBonus = event;
    }

    @EventSourcingHandler
    void on(ExchangeDifferenceDecided event) {
        exchangeDifference = event;
    }

    @EventSourcingHandler
    void on(DifferenceChargeRequested event) {
        differenceCharge = event;
    }

    @EventSourcingHandler
    void on(DifferenceCharged event) {
        chargeGatewayReference = event.gatewayReference();
    }

    /** What goes back through the payment gateway: an exchange's difference, else the approved refund. */
    io.omnireturns.api.money.Money moneyBack() {
        return exchangeDifference != null ? exchangeDifference.refund()
                : storeCreditBonus != null ? storeCreditBonus.refund() : approvedRefund.total();
    }

    @EventSourcingHandler
    void on(FraudAssessed event) {
        fraudAssessed = true;
    }

    @EventSourcingHandler
    void on(WarehouseAdvised event) {
        warehouseAdvised = true;
    }

    @EventSourcingHandler
    void on(ExceptionRaised event) {
        exceptionsRaised++;
        openExceptions.put(event.exceptionId(), event);
    }

    @EventSourcingHandler
    void on(ExceptionResolved event) {
        openExceptions.remove(event.exceptionId());
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        casesOpenedFor.add(event.exceptionId());
    }

    @EventSourcingHandler
    void on(CreditMemoPosted event) {
        creditMemoDocument = event.documentNumber();
    }

    @EventSourcingHandler
    void on(InventoryAdjusted event) {
        inventoryAdjustmentIds.add(event.adjustmentId());
        lines.get(event.orderLineId()).inventoryAdjustedQuantity += event.quantity();
    }

    @EventSourcingHandler
    void on(LoyaltyAdjusted event) {
        loyaltyReference = event.reference() == null ? "" : event.reference();
    }

    @EventSourcingHandler
    void on(CustomerNotified event) {
        notifiedMilestones.add(event.milestone());
    }

    @EventSourcingHandler
    void on(ReturnPutOnHold event) {
        heldFrom = event.heldFrom();
        holdReason = event.reason();
        status = ReturnStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(ReturnHoldResolved event) {
        status = event.resumedAs();
        heldFrom = null;
        holdReason = null;
    }

    @EventSourcingHandler
    void on(ReturnCancelled event) {
        status = ReturnStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ReturnExpired event) {
        status = ReturnStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ReturnDeclined event) {
        declineReason = event.reason();
        declineNote = event.note();
        status = ReturnStatus.REJECTED;
        heldFrom = null;
        holdReason = null;
    }

    @EventSourcingHandler
    void on(GoodwillGranted event) {
        goodwillReason = event.reason();
    }

    @EventSourcingHandler
    void on(ReturnNoteAdded event) {
        noteTextHashes.put(event.noteId(), event.text().hashCode());
    }

    @EventSourcingHandler
    void on(ReturnCompleted event) {
        status = ReturnStatus.COMPLETED;
    }
}
