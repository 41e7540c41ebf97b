package io.omnireturns.command.ledger;

import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Gives an order's quantities back when a return will not take them: it ended without receipt, or items
 * it was authorized for never arrived. Release ids make redelivery and replay harmless.
 */
@Component
@ProcessingGroup("order-ledger-release")
public class OrderLedgerReleasePolicy {

    private final CommandGateway commands;

    public OrderLedgerReleasePolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ReturnRejected event) {
        releaseAll(event.orderId(), event.returnId(), "rejected");
    }

    @EventHandler
    void on(ReturnCancelled event) {
        releaseAll(event.orderId(), event.returnId(), "cancelled");
    }

    @EventHandler
    void on(ReturnExpired event) {
        releaseAll(event.orderId(), event.returnId(), "expired");
    }

    @EventHandler
    void on(ReturnHoldResolved event) {
        if (event.decision() != HoldDecision.RESUME) {
            releaseAll(event.orderId(), event.returnId(), event.decision().name().toLowerCase());
        }
    }

    @EventHandler
    void on(ReturnInspectionCompleted event) {
        if (!event.shortQuantitiesByLine().isEmpty()) {
            commands.sendAndWait(new ReleaseReturnQuantities(event.orderId(), event.returnId(),
                    event.returnId() + ":short", event.shortQuantitiesByLine(), "never received"));
        }
    }

    /** The release id of everything a return held when it ends: one per return, so a second release is a no-op. */
    public static String closingReleaseId(String returnId) {
        return returnId + ":closed";
    }

    private void releaseAll(String orderId, String returnId, String reason) {
        try {
            commands.sendAndWait(new ReleaseReturnQuantities(orderId, returnId, closingReleaseId(returnId), Map.of(),
                    reason));
        } catch (AggregateNotFoundException nothingEverHeld) {
            // every line was refused before anything was reserved: the order has no ledger, nothing to give back
        }
    }
}
