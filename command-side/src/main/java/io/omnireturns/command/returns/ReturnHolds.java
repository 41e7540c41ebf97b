package io.omnireturns.command.returns;

import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;

import static io.omnireturns.command.returns.ReturnErrors.*;

/** The return's rules about holds, apart from its state: why a failed step holds it, where a resolution leads. */
final class ReturnHolds {

    private ReturnHolds() {
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
