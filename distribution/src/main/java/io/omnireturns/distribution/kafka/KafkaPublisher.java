package io.omnireturns.distribution.kafka;

import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;

/**
 * The streaming processor {@value #PROCESSING_GROUP}: every event of the store, translated to the public contract
 * ({@link CanonicalEventTranslator}), sent to the topic keyed by its return. A batch's token is stored only after the
 * broker acknowledged every record of the batch: a failed batch is retried from its start with back-off (at least
 * once; consumers de-duplicate on the CloudEvents id). Events of one return are in one segment, in order.
 * <p>
 * The wait for the broker happens in the batch's last handler call, before the token write opens the database
 * transaction's first statement, so no transaction stays open on the database while the broker is slow.
 */
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String SENDS = KafkaPublisher.class.getName() + ".sends";

    private final CanonicalEventTranslator translator;
    private final CanonicalEventProducer producer;
    private final String topic;
    private final Duration batchWait;
    private final PublisherProgress progress;

    KafkaPublisher(CanonicalEventTranslator translator, CanonicalEventProducer producer,
                   KafkaPublishingProperties properties, PublisherProgress progress) {
        this.translator = translator;
        this.producer = producer;
        this.topic = properties.topic();
        // every record fails or is acknowledged within the delivery timeout; the margin covers a slow callback
        this.batchWait = properties.deliveryTimeout().plus(properties.maxBlock());
        this.progress = progress;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        CanonicalEventProducer.Batch sends = unitOfWork.getOrComputeResource(SENDS, key -> {
            CanonicalEventProducer.Batch batch = producer.batch();
            // a fall-back: the last call below normally waited already, and then this finds nothing pending
            unitOfWork.onPrepareCommit(u -> batch.acknowledge(batchWait));
            unitOfWork.afterCommit(u -> progress.published(batch.sent()));
            unitOfWork.onRollback(u -> progress.failed());
            return batch;
        });
        if (event instanceof DomainEventMessage<?> domainEvent) {
            for (CanonicalEvent canonical : translator.translate(event.getIdentifier(),
                    domainEvent.getSequenceNumber(), event.getTimestamp(), payload)) {
                sends.send(topic, canonical);
            }
        }
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            sends.acknowledge(batchWait);
        }
    }
}
