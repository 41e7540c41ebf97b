package io.omnireturns.query;

import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A return's request, its first event, read from the event store where a view does not hold it (yet). */
public final class ReturnRequests {

    private ReturnRequests() {
    }

    /** The return's request; null when the store has no event of the return (or its first is no request). */
    public static ReturnRequested of(EventStore events, String returnId) {
        DomainEventStream stream = events.readEvents(returnId, 0);
        return stream.hasNext() && stream.next().getPayload() instanceof ReturnRequested requested ? requested : null;
    }
}
