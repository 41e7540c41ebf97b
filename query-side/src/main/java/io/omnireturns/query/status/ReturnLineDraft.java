package io.omnireturns.query.status;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.query.InspectionView;
import io.omnireturns.api.query.LineMoneyView;
import io.omnireturns.api.query.LogisticsView;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.InspectionOutcome;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.LogisticsState;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.List;

/** One line of a {@link ReturnStatusDraft}: its logistics, inspection and money states, changed one event at a time. */
@PlainJava
final class ReturnLineDraft {

    final String orderLineId;
    final String sku;
    private final String description;
    private final ReturnReason reason;
    private final String replacementSku;
    private List<String> eligibilityReasonCodes;

    private LogisticsState logisticsState;
    private final int requestedQuantity;
    private int authorizedQuantity;
    int receivedQuantity;
    private int wrongItemQuantity;
    private int shortQuantity;

    private InspectionOutcome inspectionOutcome;
    private int acceptedQuantity;
    private int rejectedQuantity;
    private Grade grade;
    private Disposition disposition;
    private String inspectionNote;
    int inventoryAdjustedQuantity;

    private Money refundableAmount;
    private Money refundedAmount;
    private Money restockingFee;
    private List<String> refundRuleCodes;

    static ReturnLineDraft requested(String orderLineId, String sku, String description, ReturnReason reason,
                                     String replacementSku, int quantity) {
        return new ReturnLineDraft(orderLineId, sku, description, reason, replacementSku, quantity);
    }

    private ReturnLineDraft(String orderLineId, String sku, String description, ReturnReason reason,
                            String replacementSku, int quantity) {
        this.orderLineId = orderLineId;
        this.sku = sku;
        this.description = description;
        this.reason = reason;
        this.replacementSku = replacementSku;
        this.requestedQuantity = quantity;
        this.eligibilityReasonCodes = List.of();
        this.logisticsState = LogisticsState.EXPECTED;
        this.inspectionOutcome = InspectionOutcome.PENDING;
        this.refundRuleCodes = List.of();
    }

    static ReturnLineDraft of(ReturnLineView view) {
        ReturnLineDraft line = new ReturnLineDraft(view.orderLineId(), view.sku(), view.description(), view.reason(),
                view.replacementSku(), view.logistics().requestedQuantity());
        line.eligibilityReasonCodes = view.eligibilityReasonCodes();
        LogisticsView logistics = view.logistics();
        line.logisticsState = logistics.state();
        line.authorizedQuantity = logistics.authorizedQuantity();
        line.receivedQuantity = logistics.receivedQuantity();
        line.wrongItemQuantity = logistics.wrongItemQuantity();
        line.shortQuantity = logistics.shortQuantity();
        InspectionView inspection = view.inspection();
        line.inspectionOutcome = inspection.outcome();
        line.acceptedQuantity = inspection.acceptedQuantity();
        line.rejectedQuantity = inspection.rejectedQuantity();
        line.grade = inspection.grade();
        line.disposition = inspection.disposition();
        line.inspectionNote = inspection.note();
        line.inventoryAdjustedQuantity = inspection.inventoryAdjustedQuantity();
        LineMoneyView money = view.money();
        line.refundableAmount = money.refundableAmount();
        line.refundedAmount = money.refundedAmount();
        line.restockingFee = money.restockingFee();
        line.refundRuleCodes = money.ruleCodes();
        return line;
    }

    ReturnLineView toView() {
        return new ReturnLineView(orderLineId, sku, description, reason, replacementSku, eligibilityReasonCodes,
                new LogisticsView(logisticsState, requestedQuantity, authorizedQuantity, receivedQuantity,
                        wrongItemQuantity, shortQuantity),
                new InspectionView(inspectionOutcome, acceptedQuantity, rejectedQuantity, grade, disposition,
                        inspectionNote, inventoryAdjustedQuantity),
                new LineMoneyView(refundableAmount, refundedAmount, restockingFee, refundRuleCodes));
    }

    void decided(LineDecision decision) {
        authorizedQuantity = decision.authorizedQuantity();
        eligibilityReasonCodes = decision.reasonCodes();
        logisticsState = decision.isAuthorized() ? LogisticsState.EXPECTED : LogisticsState.NOT_AUTHORIZED;
    }

    void parcelInTransit() {
        if (logisticsState == LogisticsState.EXPECTED) {
            logisticsState = LogisticsState.IN_TRANSIT;
        }
    }

    void received(int quantity) {
        receivedQuantity += quantity;
        logisticsState = stateAfterReceipt();
    }

    void wrongItemReceived(int quantity) {
        wrongItemQuantity += quantity;
        logisticsState = stateAfterReceipt();
    }

    private LogisticsState stateAfterReceipt() {
        if (receivedQuantity >= authorizedQuantity) {
            return LogisticsState.RECEIVED;
        }
        if (wrongItemQuantity > 0) {
            return LogisticsState.WRONG_ITEM;
        }
        return LogisticsState.PARTIALLY_RECEIVED;
    }

    /** Inspection closed with items of this line still missing. A wrong item explains the gap better than "short". */
    void shortBy(int quantity) {
        shortQuantity = quantity;
        if (logisticsState != LogisticsState.WRONG_ITEM) {
            logisticsState = LogisticsState.SHORT;
        }
    }

    void inspected(InspectedLine inspection) {
        acceptedQuantity = inspection.acceptedQuantity();
        rejectedQuantity = inspection.rejectedQuantity();
        grade = inspection.grade();
        disposition = inspection.disposition();
        inspectionNote = inspection.note();
        inspectionOutcome = inspection.needsManualReview() ? InspectionOutcome.MANUAL_REVIEW : outcomeByQuantities();
    }

    /** A person resolved the review: the inspected quantities stand. */
    void reviewed() {
        if (inspectionOutcome == InspectionOutcome.MANUAL_REVIEW) {
            inspectionOutcome = outcomeByQuantities();
        }
    }

    boolean isInspected() {
        return inspectionOutcome != InspectionOutcome.PENDING;
    }

    private InspectionOutcome outcomeByQuantities() {
        if (acceptedQuantity == 0) {
            return InspectionOutcome.REJECTED;
        }
        return rejectedQuantity == 0 ? InspectionOutcome.ACCEPTED : InspectionOutcome.PARTIALLY_ACCEPTED;
    }

    void inventoryAdjusted(int quantity) {
        inventoryAdjustedQuantity += quantity;
    }

    /** The approved refund for this line, or none at all when the breakdown leaves the line out. */
    void refundApproved(LineRefund refund, String currency) {
        if (refund == null) {
            refundableAmount = Money.zero(currency);
            restockingFee = Money.zero(currency);
            refundRuleCodes = List.of();
        } else {
            refundableAmount = refund.amount();
            restockingFee = refund.restockingFee();
            refundRuleCodes = refund.ruleCodes();
        }
    }

    void refunded() {
        refundedAmount = refundableAmount;
    }
}
