package io.omnireturns.query.audit;

import io.omnireturns.api.audit.AuditEvent;
import io.omnireturns.api.audit.ReturnHistory;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.query.status.ReturnStatusReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * A return as auditors see it, read from the event store alone: every event with who acted and why, and the
 * return as it stood at any instant, rebuilt by the status view's own rules. Neither reads a view.
 */
@Service
public class ReturnAudit {

    private static final int PAGE_SIZE = 500;

    private final EventStoreReader events;
    private final StoredEventDecoder decoder;
    private final AuditProperties properties;

    public ReturnAudit(EventStoreReader events, StoredEventDecoder decoder, AuditProperties properties) {
        this.events = events;
        this.decoder = decoder;
        this.properties = properties;
    }

    /** The return's events from a sequence number on, as many as one answer may carry. */
    public ReturnHistory history(String returnId, long fromSequenceNumber) {
        int limit = properties.historyMaxEvents();
        List<StoredEvent> stored = events.returnEvents(returnId, Math.max(fromSequenceNumber, 0), limit + 1);
        if (stored.isEmpty() && (fromSequenceNumber <= 0 || !events.hasReturn(returnId))) {
            throw notFound(returnId);
        }
        boolean complete = stored.size() <= limit;
        List<AuditEvent> page = stored.stream().limit(limit).map(AuditEvents::of).toList();
        return new ReturnHistory(returnId, page, complete, complete ? null : stored.get(limit).sequenceNumber());
    }

    /**
     * The status view as it stood at the instant: the return's events in their order up to the last one that had
     * happened by then. Sequence numbers, not timestamps, order a return's events, so a clock that ran a little
     * behind on one node cannot leave an earlier event out.
     */
    public ReturnStatusView stateAsOf(String returnId, Instant asOf) {
        long last = events.lastSequenceNumberAt(returnId, asOf).orElseThrow(() -> events.hasReturn(returnId)
                ? new DomainException(ErrorKind.NOT_FOUND, AuditErrors.RETURN_NOT_FOUND_AT_INSTANT,
                "return " + returnId + " did not exist yet at " + asOf)
                : notFound(returnId));
        ReturnStatusReplay replay = new ReturnStatusReplay(returnId);
        long next = 0;
        while (next <= last) {
            List<StoredEvent> page = events.returnEvents(returnId, next, last, PAGE_SIZE);
            if (page.isEmpty()) {
                break;
            }
            decoder.decode(page).forEach(message -> apply(replay, message));
            next = page.get(page.size() - 1).sequenceNumber() + 1;
        }
        return replay.view().orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND,
                AuditErrors.RETURN_NOT_FOUND_AT_INSTANT, "return " + returnId + " was not requested yet at " + asOf));
    }

    private static void apply(ReturnStatusReplay replay, DomainEventMessage<?> message) {
        if (message.getPayload() instanceof ReturnEvent event) {
            replay.apply(event, message.getSequenceNumber(), message.getTimestamp());
        }
    }

    private static DomainException notFound(String returnId) {
        return new DomainException(ErrorKind.NOT_FOUND, AuditErrors.RETURN_NOT_FOUND, "no return with id " + returnId);
    }
}
