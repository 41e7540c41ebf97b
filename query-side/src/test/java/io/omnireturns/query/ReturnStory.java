package io.omnireturns.query;

import io.omnireturns.api.returns.event.ReturnEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends one return's events to the event store the way the return aggregate does: domain events of type
 * {@code ReturnAggregate}, identified by the return id, numbered 0, 1, 2, ... A minute passes between events.
 */
public final class ReturnStory {

    private final EventStore eventStore;
    private final String returnId;
    private long nextSequence;
    private Instant clock;

    public ReturnStory(EventStore eventStore, String returnId, Instant startsAt) {
        this.eventStore = eventStore;
        this.returnId = returnId;
        this.clock = startsAt;
    }

    /** Publishes the events in one go and answers when each happened. */
    public List<Instant> then(ReturnEvent... events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (ReturnEvent event : events) {
            if (!event.returnId().equals(returnId)) {
                throw new IllegalArgumentException("event of return " + event.returnId() + " in the story of " + returnId);
            }
            messages.add(new GenericDomainEventMessage<>("ReturnAggregate", returnId, nextSequence++, event,
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), clock));
            times.add(clock);
            clock = clock.plus(Duration.ofMinutes(1));
        }
        eventStore.publish(messages);
        return times;
    }

    public long lastSequence() {
        return nextSequence - 1;
    }
}
