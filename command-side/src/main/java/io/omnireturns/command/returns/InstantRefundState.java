package io.omnireturns.command.returns;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What a return refunded at its first carrier scan remembers of it, beside {@link ReturnState}: the early refund, the
 * clawback inspection decided, and the charge that took it back. A separate class only to keep each one short; the
 * aggregate extends it, so snapshots store these fields flat with the rest, and leave them out while null.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class InstantRefundState extends ReturnState {

    /** The refund decided before inspection; null for every other return. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    EarlyRefundGranted earlyRefund;
    /** What inspection found against the early refund; null until decided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    ClawbackDecided clawback;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String clawbackGatewayReference;

    @Override
    boolean refundedEarly() {
        return earlyRefund != null;
    }

    @EventSourcingHandler
    void on(EarlyRefundGranted event) {
        earlyRefund = event;
    }

    @EventSourcingHandler
    void on(ClawbackDecided event) {
        clawback = event;
    }

    @EventSourcingHandler
    void on(ClawbackCharged event) {
        clawbackGatewayReference = event.gatewayReference();
    }
}
