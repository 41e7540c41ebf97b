package io.omnireturns.command.orchestration;

import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.command.orchestration.engine.LocalCommands;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Gives an order's quantities back when a return will not take them: it ended without receipt, or items
 * it was authorized for never arrived. Release ids make redelivery and replay harmless.
 * <p>
 * Nothing here waits for the release. The command is made in the handler (so it carries the event's correlation
 * data) and sent once the processor's batch has committed, from {@link LocalCommands}' pool, in a transaction of its
 * own: the processor's thread and batch never hold the order's ledger. Why not wait and let the processor retry the
 * event on a failure, as before: that is what blocked the processor on every release. Why not an outbox: a row per
 * release for a window of milliseconds. Instead {@link LocalCommands} retries a technical failure (a database
 * outage, conflicts beyond the gateway's retries) with back-off for about two minutes, and the release id makes every
 * extra attempt a no-op. The gap left is a node dying between its batch's commit and the release's: the order then
 * keeps the quantities reserved for that return, which only blocks a later return of the same items, shows in the
 * order's ledger, and is released by sending the same release again (operations).
 */
@Component
@ProcessingGroup("return-process") // shares the process's batches and token: one token write per batch for both
public class OrderLedgerReleasePolicy {

    private static final Logger log = LoggerFactory.getLogger(OrderLedgerReleasePolicy.class);

    private final LocalCommands commands;

    public OrderLedgerReleasePolicy(LocalCommands commands) {
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

    /** Declined by a person: the return pays nothing for what it held, so the order may take those items back again. */
    @EventHandler
    void on(ReturnDeclined event) {
        releaseAll(event.orderId(), event.returnId(), "declined");
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
            release(new ReleaseReturnQuantities(event.orderId(), event.returnId(),
                    event.returnId() + ":short", event.shortQuantitiesByLine(), "never received"));
        }
    }

    /** The release id of everything a return held when it ends: one per return, so a second release is a no-op. */
    public static String closingReleaseId(String returnId) {
        return returnId + ":closed";
    }

    private void releaseAll(String orderId, String returnId, String reason) {
        release(new ReleaseReturnQuantities(orderId, returnId, closingReleaseId(returnId), Map.of(), reason));
    }

    private void release(ReleaseReturnQuantities release) {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(release);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> send(command, release));
        } else {
            send(command, release);
        }
    }

    private void send(CommandMessage<?> command, ReleaseReturnQuantities release) {
        commands.send(command).whenComplete((result, failure) -> {
            if (failure == null || failure instanceof AggregateNotFoundException) {
                return; // released, or every line was refused before anything was reserved: nothing to give back
            }
            if (LocalCommands.isAnswer(failure)) {
                log.info("Order {} did not release {} for return {}: {}", release.orderId(), release.releaseId(),
                        release.returnId(), failure.getMessage());
            } else {
                log.error("Order {} could not release {} for return {}; send the release again", release.orderId(),
                        release.releaseId(), release.returnId(), failure);
            }
        });
    }
}
