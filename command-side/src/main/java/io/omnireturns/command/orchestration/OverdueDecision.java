package io.omnireturns.command.orchestration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.KeepLines;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.command.RecordTrustAssessment;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.command.returns.application.CustomerTrust;
import io.omnireturns.command.returns.application.ReturnEligibility;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.omnireturns.command.returns.ReturnErrors.RETURN_IS_TERMINAL;

/**
 * Finishes the eligibility decision of a return still {@code REQUESTED} when its decision time-out fires (the
 * request that recorded it crashed, or its client gave up, before deciding). It decides as the request would have:
 * the same {@link ReturnEligibility} on the order and lines the return recorded, as of when it was requested, so no
 * remote system is asked. A decision that arrived meanwhile wins (the return takes only the first). When deciding
 * fails, the return goes ON_HOLD ({@code DECISION_OVERDUE}) with an exception in the queue; a retry from the queue,
 * or resuming the hold, decides again. A return that ended while it was being decided gives back what was reserved.
 */
@Component
public class OverdueDecision {

    /** The exception queue's step key for an overdue decision. */
    public static final String STEP_KEY = ProcessStep.DECIDE_ELIGIBILITY.name();

    public enum Outcome {
        /** The return was decided now. */
        DECIDED,
        /** Nothing to do: decided, withdrawn or on hold already. */
        NOT_AWAITING,
        /** Deciding failed: the return is on hold in the exception queue. */
        HELD
    }

    private static final Logger log = LoggerFactory.getLogger(OverdueDecision.class);
    private static final int MAX_DETAIL = 500;

    private final EventStore events;
    private final ReturnEligibility eligibility;
    private final CommandGateway commands;
    private final CustomerTrust trust;

    public OverdueDecision(EventStore events, ReturnEligibility eligibility, CommandGateway commands,
                           CustomerTrust trust) {
        this.events = events;
        this.eligibility = eligibility;
        this.commands = commands;
        this.trust = trust;
    }

    public Outcome decide(String returnId) {
        List<? extends DomainEventMessage<?>> history = events.readEvents(returnId, 0).asStream().toList();
        if (history.isEmpty() || !(history.get(0).getPayload() instanceof ReturnRequested requested)
                || !awaitingDecision(history)) {
            return Outcome.NOT_AWAITING;
        }
        boolean decided = false;
        try {
            Instant requestedAt = history.get(0).getTimestamp();
            List<LineDecision> decisions = eligibility.decide(returnId, requested.order(), requested.channel(),
                    requested.storeId(), requested.lines(), requestedAt);
            boolean authorizes = decisions.stream().anyMatch(LineDecision::isAuthorized);
            Optional<KeepLines> keepIt = authorizes ? eligibility.keepIt(returnId, requested.order(), decisions)
                    : Optional.empty();
            Optional<RecordTrustAssessment> assessed = authorizes
                    ? trust.assess(returnId, requested.order(), requestedAt) : Optional.empty();
            if (authorizes) {
                // in the customer's history before the decision: a crash in between decides again, the same row
                trust.remember(returnId, requested.order(), decisions, keepIt.isPresent(), requestedAt);
            }
            // the tier before the authorization, which starts the fraud check that carries it
            assessed.ifPresent(commands::sendAndWait);
            ReturnStatus status = commands.sendAndWait(new RecordEligibilityDecision(returnId, decisions));
            decided = true;
            if (status == ReturnStatus.AUTHORIZED) {
                if (keepIt.isPresent()) {
                    status = commands.sendAndWait(keepIt.get());
                }
            }
            log.info("Return {} was still REQUESTED after its decision time-out; decided now: {}", returnId, status);
            return Outcome.DECIDED;
        } catch (RuntimeException failure) {
            if (!decided) {
                forgetInHistory(returnId); // written again when a retry decides it
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof DomainException refused && RETURN_IS_TERMINAL.equals(refused.code())) {
                releaseReserved(requested, returnId);
                return Outcome.NOT_AWAITING;
            }
            String code = cause instanceof DomainException refused ? refused.code() : FailureCode.DECISION_FAILED.code();
            String detail = "eligibility could not be decided: " + String.valueOf(cause.getMessage());
            log.warn("Return {} could not be decided after its decision time-out; it goes on hold", returnId, failure);
            commands.sendAndWait(new RaiseException(returnId, ProcessStep.DECIDE_ELIGIBILITY, STEP_KEY, code,
                    detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail, 1));
            return Outcome.HELD;
        }
    }

    /**
     * The return ended (cancelled, or rejected or cancelled on hold) after its history was read but before the
     * decision was recorded: the quantities just reserved for it would block the order's later returns. The release
     * id is the one {@link OrderLedgerReleasePolicy} gives the ending, so whichever of the two comes second is a no-op.
     */
    private void releaseReserved(ReturnRequested requested, String returnId) {
        log.info("Return {} ended before its overdue decision was recorded; its reserved quantities are released",
                returnId);
        try {
            commands.sendAndWait(new ReleaseReturnQuantities(requested.orderId(), returnId,
                    OrderLedgerReleasePolicy.closingReleaseId(returnId), Map.of(), "ended before its overdue decision"));
        } catch (AggregateNotFoundException nothingEverHeld) {
            // every line was refused before anything was reserved: the order has no ledger
        }
    }

    /** Still REQUESTED: never decided nor cancelled, and not on hold now (a hold resumed as REQUESTED counts). */
    static boolean awaitingDecision(List<? extends DomainEventMessage<?>> history) {
        boolean onHold = false;
        for (DomainEventMessage<?> event : history) {
            Object payload = event.getPayload();
            if (payload instanceof ReturnAuthorized || payload instanceof ReturnRejected
                    || payload instanceof ReturnCancelled || payload instanceof ReturnDeclined) {
                return false;
            }
            if (payload instanceof ReturnPutOnHold) {
                onHold = true;
            } else if (payload instanceof ReturnHoldResolved resolved) {
                onHold = false;
                if (resolved.resumedAs() != ReturnStatus.REQUESTED) {
                    return false;
                }
            }
        }
        return !onHold;
    }

    private void forgetInHistory(String returnId) {
        try {
            trust.forget(returnId);
        } catch (RuntimeException unreachable) {
            log.warn("Return {} stays in its customer's return history though not decided", returnId, unreachable);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CommandExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
