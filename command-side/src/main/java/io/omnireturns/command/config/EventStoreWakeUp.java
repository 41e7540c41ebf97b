package io.omnireturns.command.config;

import org.axonframework.eventhandling.EventBus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tells the event store's consumers (the tracking processors) that events were committed, after a transaction that
 * spanned several commands. Axon tells them when each command's unit of work commits; inside a shared transaction
 * that is before the events are visible, so the processors look, find nothing and sleep for the store's fetch delay
 * (a second) before they look again. Publishing nothing outside a unit of work appends nothing and wakes them.
 */
@Component
public class EventStoreWakeUp {

    private final EventBus eventStore;

    public EventStoreWakeUp(EventBus eventStore) {
        this.eventStore = eventStore;
    }

    /** Call after the shared transaction has committed, outside any unit of work. */
    public void eventsCommitted() {
        eventStore.publish(List.of());
    }
}
