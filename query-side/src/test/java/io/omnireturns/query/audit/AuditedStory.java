package io.omnireturns.query.audit;

import io.omnireturns.api.returns.event.ReturnEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends one return's events to the event store as the return aggregate does (type {@code ReturnAggregate},
 * sequence numbers 0, 1, 2, ...), each with the metadata a request leaves on them: who acted, through which
 * system, the conversation's correlation and trace ids and the message that caused it. A minute passes between
 * events unless told otherwise.
 */
public final class AuditedStory {

    private final EventStore eventStore;
    private final String returnId;
    private final String traceId = UUID.randomUUID().toString().replace("-", "");
    private long nextSequence;
    private Instant clock;
    private String actor = "web-shop";
    private String sourceSystem = "api";
    private String correlationId = UUID.randomUUID().toString();

    public AuditedStory(EventStore eventStore, String returnId, Instant startsAt) {
        this.eventStore = eventStore;
        this.returnId = returnId;
        this.clock = startsAt;
    }

    /** The next events are caused by this actor, through this system, in a new conversation. */
    public AuditedStory by(String actor, String sourceSystem) {
        this.actor = actor;
        this.sourceSystem = sourceSystem;
        this.correlationId = UUID.randomUUID().toString();
        return this;
    }

    /** Lets time pass before the next event. */
    public AuditedStory after(Duration pause) {
        clock = clock.plus(pause);
        return this;
    }

    /** Publishes the events in one go and answers when each happened. */
    public List<Instant> then(ReturnEvent... events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (ReturnEvent event : events) {
            messages.add(message(event));
        }
        messages.forEach(message -> times.add(message.getTimestamp()));
        eventStore.publish(messages);
        return times;
    }

    /** The next event's message without publishing it (for batches across returns). */
    public GenericDomainEventMessage<?> message(ReturnEvent event) {
        if (!event.returnId().equals(returnId)) {
            throw new IllegalArgumentException("event of return " + event.returnId() + " in the story of " + returnId);
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("actor", actor);
        metadata.put("sourceSystem", sourceSystem);
        metadata.put("correlationId", correlationId);
        metadata.put("traceId", traceId);
        metadata.put("causationId", "command-" + returnId + "-" + nextSequence);
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("ReturnAggregate", returnId,
                nextSequence++, event, MetaData.from(metadata), UUID.randomUUID().toString(), clock);
        clock = clock.plus(Duration.ofMinutes(1));
        return message;
    }

    public String correlationId() {
        return correlationId;
    }

    public String traceId() {
        return traceId;
    }

    public String returnId() {
        return returnId;
    }

    public long lastSequence() {
        return nextSequence - 1;
    }
}
