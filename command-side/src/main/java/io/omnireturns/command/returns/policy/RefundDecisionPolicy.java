package io.omnireturns.command.returns.policy;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.command.returns.ReturnErrors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides the refund once inspection is complete (rule 1: never before): the order's ledger works out the
 * amount against everything the order's other returns took back, then the return approves it. A return held
 * for review is decided when the hold is resolved.
 */
@Component
@ProcessingGroup("refund-decision")
public class RefundDecisionPolicy {

    private static final Logger log = LoggerFactory.getLogger(RefundDecisionPolicy.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    public RefundDecisionPolicy(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(ReturnInspectionCompleted event) {
        if (!event.awaitingReview()) {
            decide(event);
        }
    }

    @EventHandler
    void on(ReturnHoldResolved event) {
        if (event.resumedAs() == ReturnStatus.INSPECTED) {
            inspectionOf(event.returnId()).ifPresent(this::decide);
        }
    }

    private void decide(ReturnInspectionCompleted inspection) {
        RefundBreakdown breakdown = commands.sendAndWait(new AllocateRefund(inspection.orderId(), inspection.returnId(),
                inspection.refundMethod(), inspection.refundableLines()));
        try {
            commands.sendAndWait(new ApproveRefund(inspection.returnId(), breakdown));
        } catch (DomainException refused) {
            if (ReturnErrors.REFUND_ALREADY_APPROVED.equals(refused.code())) {
                return; // redelivered: the decision stands
            }
            if (ReturnErrors.REFUND_BEFORE_INSPECTION.equals(refused.code())) {
                // put on hold meanwhile; resolving the hold decides again with the same booked allocation
                log.info("Refund of return {} waits: {}", inspection.returnId(), refused.getMessage());
                return;
            }
            throw refused;
        }
    }

    private Optional<ReturnInspectionCompleted> inspectionOf(String returnId) {
        return eventStore.readEvents(returnId).asStream()
                .map(EventMessage::getPayload)
                .filter(ReturnInspectionCompleted.class::isInstance)
                .map(ReturnInspectionCompleted.class::cast)
                .reduce((first, last) -> last);
    }
}
