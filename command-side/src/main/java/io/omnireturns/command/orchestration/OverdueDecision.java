package io.omnireturns.command.orchestration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordEligibilityDecision;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.command.returns.application.ReturnEligibility;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Finishes the eligibility decision of a return still {@code REQUESTED} when its decision time-out fires (the
 * request that recorded it crashed, or its client gave up, before deciding). It decides as the request would have:
 * the same {@link ReturnEligibility} on the order and lines the return recorded, as of when it was requested, so no
 * remote system is asked. A decision that arrived meanwhile wins (the return takes only the first). When deciding
 * fails, the return goes ON_HOLD ({@code DECISION_OVERDUE}) with an exception in the queue; a retry from the queue,
 * or resuming the hold, decides again.
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

    public OverdueDecision(EventStore events, ReturnEligibility eligibility, CommandGateway commands) {
        this.events = events;
        this.eligibility = eligibility;
        this.commands = commands;
    }

    public Outcome decide(String returnId) {
        List<? extends DomainEventMessage<?>> history = events.readEvents(returnId, 0).asStream().toList();
        if (history.isEmpty() || !(history.get(0).getPayload() instanceof ReturnRequested requested)
                || !awaitingDecision(history)) {
            return Outcome.NOT_AWAITING;
        }
        try {
            List<LineDecision> decisions = eligibility.decide(returnId, requested.order(), requested.channel(),
                    requested.storeId(), requested.lines(), history.get(0).getTimestamp());
            ReturnStatus status = commands.sendAndWait(new RecordEligibilityDecision(returnId, decisions));
            log.info("Return {} was still REQUESTED after its decision time-out; decided now: {}", returnId, status);
            return Outcome.DECIDED;
        } catch (RuntimeException failure) {
            Throwable cause = unwrap(failure);
            String code = cause instanceof DomainException refused ? refused.code() : "DECISION_FAILED";
            String detail = "eligibility could not be decided: " + String.valueOf(cause.getMessage());
            log.warn("Return {} could not be decided after its decision time-out; it goes on hold", returnId, failure);
            commands.sendAndWait(new RaiseException(returnId, ProcessStep.DECIDE_ELIGIBILITY, STEP_KEY, code,
                    detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail, 1));
            return Outcome.HELD;
        }
    }

    /** Still REQUESTED: never decided nor cancelled, and not on hold now (a hold resumed as REQUESTED counts). */
    static boolean awaitingDecision(List<? extends DomainEventMessage<?>> history) {
        boolean onHold = false;
        for (DomainEventMessage<?> event : history) {
            Object payload = event.getPayload();
            if (payload instanceof ReturnAuthorized || payload instanceof ReturnRejected
                    || payload instanceof ReturnCancelled) {
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

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CommandExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
