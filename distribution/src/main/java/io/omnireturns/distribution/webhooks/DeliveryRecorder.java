package io.omnireturns.distribution.webhooks;

import io.omnireturns.distribution.contract.CloudEventJson;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The outbox's writer: a streaming processor that records, for every canonical event, one pending delivery per
 * active subscription to its type. The rows are written in the processor's transaction, together with its token, so
 * an event is recorded exactly once per subscription (a redelivered event finds its rows there and adds none) and is
 * never lost to a crash. A failure stops the segment and is tried again (a propagating error handler), never skipped.
 * Nothing here waits on a subscriber: the {@link WebhookDispatcher} sends, woken once the batch has committed.
 */
@Component
@ProcessingGroup(DeliveryRecorder.PROCESSING_GROUP)
public class DeliveryRecorder {

    private static final CloudEventJson CLOUD_EVENTS = new CloudEventJson();

    public static final String PROCESSING_GROUP = "webhook-deliveries";
    /** The batch's unit of work keeps the subscriptions it read, so a batch reads them once. */
    private static final String ACTIVE_SUBSCRIPTIONS = DeliveryRecorder.class.getName() + ".active";
    private static final String WAKE_UP_AFTER_COMMIT = DeliveryRecorder.class.getName() + ".wakeUp";

    private final CanonicalEventTranslator translator = new CanonicalEventTranslator();
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;

    private final WebhookDispatcher dispatcher;

    DeliveryRecorder(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                     WebhookDispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        ActiveSubscriptions active = CurrentUnitOfWork.get().root()
                .getOrComputeResource(ACTIVE_SUBSCRIPTIONS, key -> subscriptions.active());
        if (active.subscriptions().isEmpty()) {
            return; // no subscriber: nothing to translate
        }
        List<CanonicalEvent> events = translator.translate(message.getIdentifier(), domainEvent.getSequenceNumber(),
                message.getTimestamp(), payload);
        for (CanonicalEvent event : events) {
            List<String> subscribers = active.subscribersOf(event.type(), event.time());
            if (!subscribers.isEmpty()) {
                deliveries.record(event, CLOUD_EVENTS.writeBytes(event), subscribers);
                CurrentUnitOfWork.get().root().getOrComputeResource(WAKE_UP_AFTER_COMMIT, key -> {
                    CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> dispatcher.wakeUp());
                    return Boolean.TRUE;
                });
            }
        }
    }
}
