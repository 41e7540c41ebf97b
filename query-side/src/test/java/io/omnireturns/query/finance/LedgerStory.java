package io.omnireturns.query.finance;

import io.omnireturns.api.returns.event.ReturnEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends one return's events to the event store the way the return aggregate does (domain events of type
 * {@code ReturnAggregate}, numbered 0, 1, 2, ...), each with the timestamp the test gives it: a second apart from
 * the given instant, in the order given.
 */
final class LedgerStory {

    private final EventStore eventStore;
    private final String returnId;
    private long nextSequence;

    LedgerStory(EventStore eventStore, String returnId) {
        this.eventStore = eventStore;
        this.returnId = returnId;
    }

    LedgerStory at(String instant, ReturnEvent... events) {
        Instant at = Instant.parse(instant);
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (ReturnEvent event : events) {
            if (!event.returnId().equals(returnId)) {
                throw new IllegalArgumentException("event of return " + event.returnId() + " in the story of " + returnId);
            }
            messages.add(new GenericDomainEventMessage<>("ReturnAggregate", returnId, nextSequence++, event,
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), at));
            at = at.plusSeconds(1);
        }
        eventStore.publish(messages);
        return this;
    }
}
