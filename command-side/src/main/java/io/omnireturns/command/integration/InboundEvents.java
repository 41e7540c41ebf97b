package io.omnireturns.command.integration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.command.returns.ReturnErrors;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies inbound messages to their return exactly once per sender event id, whatever order they come in.
 * A message the return refuses as too early is parked and tried again after every message the return takes,
 * and by the sweep once the return has moved on some other way (REST, saga). The decisions stay the
 * aggregate's: this class only tells "too early" (wait) from "no" (refuse for good).
 */
@Service
public class InboundEvents {

    /** Metadata key naming the inbound message that caused a command. */
    public static final String INTEGRATION_EVENT_ID = "integrationEventId";

    /** Refusals that mean "not yet": the return has to get further before it can take the message. */
    private static final Set<String> TOO_EARLY = Set.of(ReturnErrors.ILLEGAL_TRANSITION, ReturnErrors.LINE_NOT_RECEIVED);
    private static final int WAITING_PER_PASS = 100;

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final InboundEventLog events;
    private final InboundMessageReader reader;
    private final CommandGateway commands;
    private final IntegrationProperties properties;
    private final Clock clock;

    public InboundEvents(InboundEventLog events, InboundMessageReader reader, CommandGateway commands,
                         IntegrationProperties properties, Clock clock) {
        this.events = events;
        this.reader = reader;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records a verified message and applies it, unless its event id was seen before. */
    public IntegrationEventAnswer receive(IntegrationSystem system, String eventId, byte[] body, InboundMessage message) {
        String sha256 = sha256(body);
        while (!events.insert(system, eventId, message, sha256, body, clock.instant())) {
            Optional<InboundEventLog.Stored> stored = events.find(system, eventId);
            if (stored.isEmpty()) {
                continue; // purged for age between the insert and the look-up: it is new again
            }
            InboundEventLog.Stored known = stored.get();
            if (!known.payloadSha256().equals(sha256)) {
                log.warn("{} reused event id {} with a different body; the first body stands", system.path(), eventId);
            }
            return new IntegrationEventAnswer(eventId, known.state(), true, known.returnId(), null,
                    known.lastErrorCode(), null);
        }
        IntegrationEventAnswer answer = apply(system, eventId, message);
        if (answer.state() == InboundEventState.APPLIED && message.command().isPresent()) {
            retryWaiting(message.returnId());
        }
        return answer;
    }

    /**
     * Tries the return's waiting messages again in arrival order. A pass that applies one may unblock an
     * earlier one, so passes repeat while they make progress, up to {@code retry-rounds}.
     */
    public void retryWaiting(String returnId) {
        for (int round = 0; round < properties.retryRounds(); round++) {
            boolean progressed = false;
            for (InboundEventLog.Waiting waiting : events.waitingFor(returnId, abandonedBefore(), WAITING_PER_PASS)) {
                Optional<byte[]> body = events.claim(waiting.system(), waiting.eventId(), clock.instant(), abandonedBefore());
                if (body.isPresent()) {
                    progressed |= retry(waiting, body.get()).state() == InboundEventState.APPLIED;
                }
            }
            if (!progressed) {
                return;
            }
        }
    }

    /** One sweep: every return with a message worth another try. Answers how many returns were looked at. */
    public int sweep() {
        List<String> returnIds = events.returnsWorthRetrying(abandonedBefore(), properties.sweepBatchSize());
        for (String returnId : returnIds) {
            try {
                retryWaiting(returnId);
            } catch (RuntimeException e) {
                log.error("Sweep could not retry the parked messages of return {}", returnId, e);
            }
        }
        return returnIds.size();
    }

    private IntegrationEventAnswer retry(InboundEventLog.Waiting waiting, byte[] body) {
        InboundMessage message;
        try {
            message = reader.read(waiting.system(), body);
        } catch (RuntimeException unreadable) { // it was read once; only a changed message format gets here
            events.markRejected(waiting.system(), waiting.eventId(), IntegrationErrors.MALFORMED_REQUEST,
                    unreadable.getMessage(), clock.instant());
            return IntegrationEventAnswer.rejected(waiting.eventId(), null, IntegrationErrors.MALFORMED_REQUEST,
                    unreadable.getMessage());
        }
        return apply(waiting.system(), waiting.eventId(), message);
    }

    /** Sends the message's command and records the outcome; the row is RECEIVED and ours. */
    private IntegrationEventAnswer apply(IntegrationSystem system, String eventId, InboundMessage message) {
        String returnId = message.returnId();
        Optional<Object> command = message.command();
        if (command.isEmpty()) {
            events.markApplied(system, eventId, clock.instant());
            return IntegrationEventAnswer.applied(eventId, returnId, null);
        }
        Long sequenceBefore = events.lastEventSequence(returnId);
        try {
            Object status = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.get()).andMetaData(Map.of(
                    AxonInfrastructureConfiguration.ACTOR, "integration:" + system.path(),
                    AxonInfrastructureConfiguration.SOURCE_SYSTEM, system.path(),
                    INTEGRATION_EVENT_ID, eventId)));
            events.markApplied(system, eventId, clock.instant());
            return IntegrationEventAnswer.applied(eventId, returnId, status instanceof ReturnStatus s ? s : null);
        } catch (RuntimeException failure) {
            return refused(system, eventId, message, failure, sequenceBefore);
        }
    }

    private IntegrationEventAnswer refused(IntegrationSystem system, String eventId, InboundMessage message,
                                          RuntimeException failure, Long sequenceBefore) {
        String returnId = message.returnId();
        Optional<DomainException> refusal = causeOf(failure, DomainException.class);
        if (refusal.isPresent()) {
            String code = refusal.get().code();
            String detail = refusal.get().getMessage();
            if (TOO_EARLY.contains(code) && message.mayArriveEarly()) {
                events.markParked(system, eventId, code, detail, sequenceBefore);
                log.info("Parked {} event {} for return {}: {}", system.path(), eventId, returnId, detail);
                return IntegrationEventAnswer.parked(eventId, returnId, code, detail);
            }
            events.markRejected(system, eventId, code, detail, clock.instant());
            return IntegrationEventAnswer.rejected(eventId, returnId, code, detail);
        }
        if (causeOf(failure, AggregateNotFoundException.class).isPresent()) {
            String detail = "no return with id " + returnId;
            events.markRejected(system, eventId, IntegrationErrors.UNKNOWN_RETURN, detail, clock.instant());
            return IntegrationEventAnswer.rejected(eventId, returnId, IntegrationErrors.UNKNOWN_RETURN, detail);
        }
        // a technical failure says nothing about the message: keep it, and let every sweep try it again
        log.warn("Could not apply {} event {} to return {}; parked for the sweep", system.path(), eventId, returnId, failure);
        String detail = "the message could not be applied now and will be retried";
        events.markParked(system, eventId, IntegrationErrors.APPLY_FAILED, failure.toString(), null);
        return IntegrationEventAnswer.parked(eventId, returnId, IntegrationErrors.APPLY_FAILED, detail);
    }

    private Instant abandonedBefore() {
        return clock.instant().minus(properties.inFlightTimeout());
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
