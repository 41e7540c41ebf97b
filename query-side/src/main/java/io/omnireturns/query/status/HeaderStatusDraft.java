package io.omnireturns.query.status;

import io.omnireturns.api.query.HoldView;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;

/**
 * The header status of a return's status view opened for change, and the hold that pauses it. Its moves mirror the
 * return aggregate's, so agents see the status the command side enforces; the two that are not plain moves (an early
 * refund's status kept through receipt and inspection, a refund confirmed while on hold) are spelt out here. Part of
 * a {@link ReturnStatusDraft}, which says when.
 */
@PlainJava
final class HeaderStatusDraft {

    private ReturnStatus status;
    private HoldView hold;

    private HeaderStatusDraft(ReturnStatus status, HoldView hold) {
        this.status = status;
        this.hold = hold;
    }

    static HeaderStatusDraft requested() {
        return new HeaderStatusDraft(ReturnStatus.REQUESTED, null);
    }

    static HeaderStatusDraft of(ReturnStatus status, HoldView hold) {
        return new HeaderStatusDraft(status, hold);
    }

    ReturnStatus status() {
        return status;
    }

    HoldView hold() {
        return hold;
    }

    void moveTo(ReturnStatus next) {
        status = next;
    }

    /** Items arrived; an early refund keeps its status. */
    void received() {
        if (!refundedEarly()) {
            status = ReturnStatus.RECEIVED;
        }
    }

    /** Inspection closed; an early refund keeps its status. */
    void inspected() {
        if (!refundedEarly()) {
            status = ReturnStatus.INSPECTED;
        }
    }

    /** The payment gateway confirmed the refund. */
    void refundConfirmed() {
        if (status == ReturnStatus.ON_HOLD && hold != null) {
            // a late confirmation while the return waits for a person: it resumes as refunded, like the aggregate
            hold = new HoldView(hold.reason(), hold.system(), hold.detail(), ReturnStatus.REFUNDED, hold.since());
        } else {
            status = ReturnStatus.REFUNDED;
        }
    }

    void putOnHold(ReturnPutOnHold event, Instant at) {
        status = ReturnStatus.ON_HOLD;
        hold = new HoldView(event.reason(), event.system(), event.detail(), event.heldFrom(), at);
    }

    /** Answers the hold the decision ended, if there was one. */
    HoldView holdResolved(ReturnHoldResolved event) {
        HoldView resolved = hold;
        status = event.resumedAs();
        hold = null;
        return resolved;
    }

    /** A person declined the return, on hold or not. */
    void declined() {
        status = ReturnStatus.REJECTED;
        hold = null;
    }

    /**
     * Refunded at the first carrier scan: the money went first, so the parcel's receipt and inspection leave the
     * status where the refund took it (the aggregate refuses them in these statuses for any other return).
     */
    private boolean refundedEarly() {
        return status == ReturnStatus.REFUND_PENDING || status == ReturnStatus.REFUNDED;
    }
}
