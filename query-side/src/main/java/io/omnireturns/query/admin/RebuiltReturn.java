package io.omnireturns.query.admin;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.query.status.ReturnStatusReplay;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.Optional;

/**
 * One return rebuilt from its events with the projection's own rules. An event the rules cannot apply stops it where
 * the projection would stop too (its dead-letter queue would hold that event and the later ones): the view stays as
 * it was before that event, and {@link #failure} says why.
 */
final class RebuiltReturn {

    private final String returnId;
    private final ReturnStatusReplay replay;
    private String failure;
    private long lastSequenceRead = -1;

    RebuiltReturn(String returnId) {
        this.returnId = returnId;
        this.replay = new ReturnStatusReplay(returnId);
    }

    void apply(DomainEventMessage<?> message) {
        lastSequenceRead = Math.max(lastSequenceRead, message.getSequenceNumber());
        if (failure != null) {
            return;
        }
        try {
            if (message.getPayload() instanceof ReturnEvent event) {
                replay.apply(event, message.getSequenceNumber(), message.getTimestamp());
            }
        } catch (RuntimeException e) {
            failure = "event #" + message.getSequenceNumber() + " (" + message.getPayloadType().getSimpleName()
                    + ") cannot be applied: " + e.getMessage();
        }
    }

    String returnId() {
        return returnId;
    }

    /** The view after the events applied; empty until the return was requested. */
    Optional<ReturnStatusView> view() {
        return replay.view();
    }

    List<SystemStateView> underlyingSystems() {
        return replay.underlyingSystems();
    }

    /** Why an event could not be applied; null when every one was. */
    String failure() {
        return failure;
    }

    /** The sequence number of the return's last event read, applied or not. */
    long lastSequenceRead() {
        return lastSequenceRead;
    }
}
