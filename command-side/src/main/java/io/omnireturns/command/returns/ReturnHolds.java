package io.omnireturns.command.returns;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnPutOnHold;

import java.util.List;

import static io.omnireturns.command.returns.ReturnErrors.*;

/**
 * The return's rules about holds, apart from its state: why a failed step, a wrong item or a line for review holds
 * it, and where a resolution leads.
 */
final class ReturnHolds {

    private ReturnHolds() {
    }

    /** Once a receipt is applied: wrong items hold the return where the receipt left it. */
    static List<Object> forWrongItems(ReturnItemsReceived receipt, ReturnStatus leftIn) {
        if (receipt.wrongItemLineIds().isEmpty()) {
            return List.of();
        }
        return List.of(new ReturnPutOnHold(receipt.returnId(), HoldReason.INSPECTION_MISMATCH,
                ExternalSystem.WAREHOUSE, "wrong item received for line(s) "
                + String.join(", ", receipt.wrongItemLineIds()), leftIn));
    }

    /** Once an inspection (and its completion) is applied: lines asking for review hold the return where it is. */
    static List<Object> forManualReview(ReturnLinesInspected inspection, ReturnStatus leftIn) {
        List<String> forReview = inspection.lines().stream()
                .filter(InspectedLine::needsManualReview).map(InspectedLine::orderLineId).toList();
        if (forReview.isEmpty()) {
            return List.of();
        }
        return List.of(new ReturnPutOnHold(inspection.returnId(), HoldReason.INSPECTION_MISMATCH,
                ExternalSystem.WAREHOUSE, "manual review requested for line(s) " + String.join(", ", forReview),
                leftIn));
    }

    /** Why a step that exhausted its retries holds the return. */
    static HoldReason reasonOf(ProcessStep step) {
        return switch (step) {
            case REFUND_PAYMENT -> HoldReason.REFUND_FAILED;
            case POST_CREDIT_MEMO, ADJUST_INVENTORY -> HoldReason.POSTING_FAILED;
            case DECIDE_ELIGIBILITY -> HoldReason.DECISION_OVERDUE;
            default -> HoldReason.INTEGRATION_FAILURE;
        };
    }

    /**
     * The status a resolution leads to: back where the return stopped, or ended. Rejecting or cancelling is refused
     * once anything was received ({@code endable} false).
     */
    static ReturnStatus resumedAs(HoldDecision decision, ReturnStatus heldFrom, boolean endable) {
        if (decision != HoldDecision.RESUME && !endable) {
            throw rule(HOLD_DECISION_NOT_ALLOWED, decision + " is only possible before anything was received");
        }
        return switch (decision) {
            case RESUME -> heldFrom;
            case REJECT -> ReturnStatus.REJECTED;
            case CANCEL -> ReturnStatus.CANCELLED;
        };
    }
}
