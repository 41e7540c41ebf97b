package io.omnireturns.command.orchestration.process;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.ExceptionRaised;

/**
 * What the process knows of a refund at the first carrier scan, a companion of {@link ReturnFacts}: the early refund,
 * the clawback inspection decided, and whether its charge was taken. Folded idempotently like the rest of the facts.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class InstantFacts {

    /** Null unless the refund was decided at the first carrier scan. */
    EarlyRefundGranted earlyRefund;
    /** Null until inspection after an early refund was priced. */
    ClawbackDecided clawback;
    boolean clawbackCharged;
    /** The parcel of a return refunded early did not come by the receipt expiry, and a person was asked to chase it. */
    boolean parcelChased;

    /** Whether the event was one of these facts' own (an exception is everybody's: it is noted, not taken). */
    boolean apply(Object event) {
        if (event instanceof ExceptionRaised e && ProcessTask.RECEIPT_EXPIRY.render().equals(e.stepKey())) {
            parcelChased = true;
            return false;
        }
        if (event instanceof EarlyRefundGranted e) {
            earlyRefund = e;
        } else if (event instanceof ClawbackDecided e) {
            clawback = e;
        } else if (event instanceof ClawbackCharged) {
            clawbackCharged = true;
        } else {
            return false;
        }
        return true;
    }

    boolean refundedEarly() {
        return earlyRefund != null;
    }

    /** A shortfall is to be charged back and was not yet. */
    boolean chargeOwed() {
        return clawback != null && clawback.kind() == ClawbackKind.CHARGE && !clawbackCharged;
    }

    /** Nothing of an early refund is left to settle: none was paid, or inspection's clawback is decided and taken. */
    boolean settled() {
        return earlyRefund == null || (clawback != null && !chargeOwed());
    }
}
