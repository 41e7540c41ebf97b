package io.omnireturns.query.audit;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/**
 * Turns stored events into the messages today's code reads, through the same upcaster chain and serializer as
 * the event store: an event stored under an older revision arrives in its current shape, as every projection
 * sees it.
 */
@Component
public class StoredEventDecoder {

    private final Serializer serializer;
    private final ObjectProvider<Configuration> axonConfiguration;

    public StoredEventDecoder(@Qualifier("eventSerializer") Serializer serializer,
                              ObjectProvider<Configuration> axonConfiguration) {
        this.serializer = serializer;
        this.axonConfiguration = axonConfiguration;
    }

    /** The events as messages, in the given order; payloads are deserialized when first read. */
    public Stream<? extends DomainEventMessage<?>> decode(List<StoredEvent> events) {
        Stream<DomainEventData<?>> data = events.stream().map(StoredEventDecoder::entry);
        return EventStreamUtils.upcastAndDeserializeDomainEvents(data, serializer,
                axonConfiguration.getObject().upcasterChain()).asStream();
    }

    private static DomainEventData<?> entry(StoredEvent event) {
        return new GenericDomainEventEntry<>(event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                event.eventId(), event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                event.metadata());
    }
}
