package io.omnireturns.distribution.kafka;

import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.distribution.contract.CloudEventJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends canonical events, keyed by their return ({@link CanonicalEvent#subject()}), through Kafka's idempotent producer
 * (acks=all, one request in flight per connection).
 * <p>
 * Order per return after a failure: Kafka's own producer would carry on with the records queued behind a record it
 * gave up on, so a later event of a return could land before an earlier one's retry. Here the first failed record
 * closes its producer at once from the producer's own thread ({@code close(0)}), which fails every record still
 * queued; the caller's batch fails, and it is sent again, from its start, by a new producer. So on the topic a
 * return's events, each kept at its first appearance, are in order with no gap; a retried batch may repeat some.
 * <p>
 * Kafka's {@code KafkaProducer} is used directly rather than spring-kafka's template, which hides the producer the
 * failure callback must close.
 */
final class CanonicalEventProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CanonicalEventProducer.class);
    private static final CloudEventJson CLOUD_EVENTS = new CloudEventJson();

    private final Supplier<Producer<String, byte[]>> factory;
    private final Map<String, Object> adminSettings;
    private final int partitions;
    private final Set<String> topicsKnown = ConcurrentHashMap.newKeySet();
    private Producer<String, byte[]> current;
    private boolean closed;

    /**
     * @param producerSettings Boot's {@code spring.kafka.producer.*} (and shared) settings; the delivery settings
     *                         below replace theirs
     * @param adminSettings    Boot's {@code spring.kafka.admin.*} (and shared) settings, to create a missing topic
     */
    CanonicalEventProducer(Map<String, Object> producerSettings, Map<String, Object> adminSettings,
                           KafkaPublishingProperties properties, String clientId) {
        this(kafkaProducers(producerSettings(producerSettings, properties, clientId)), adminSettings, properties,
                clientId);
    }

    /** With producers from elsewhere (a test's); the topics it sends to must exist. */
    CanonicalEventProducer(Supplier<Producer<String, byte[]>> producers, Map<String, Object> adminSettings,
                           KafkaPublishingProperties properties, String clientId) {
        this.factory = producers;
        this.adminSettings = new HashMap<>(adminSettings);
        this.adminSettings.put("client.id", clientId + "-admin");
        this.adminSettings.put("request.timeout.ms", (int) properties.requestTimeout().toMillis());
        this.adminSettings.put("default.api.timeout.ms", (int) properties.deliveryTimeout().toMillis());
        this.partitions = properties.partitions();
    }

    private static Supplier<Producer<String, byte[]>> kafkaProducers(Map<String, Object> settings) {
        return () -> new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerSettings(Map<String, Object> clientSettings, KafkaPublishingProperties properties,
                                                String clientId) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.deliveryTimeout().toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.requestTimeout().toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.maxBlock().toMillis());
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // no client telemetry: it logs an error when the producer is closed from its own thread (abandon below)
        settings.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        settings.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        settings.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return settings;
    }

    /** Starts a batch: its sends all go through one producer, which a failure of any of them abandons. */
    Batch batch() {
        return new Batch(producer());
    }

    /**
     * The sends of one batch, through one producer. Once a record of it failed (or the batch stopped waiting), the
     * producer is abandoned and every further send of the batch is refused at once: a batch never goes on through a
     * new producer, which would let its later events overtake the failed one. The next batch starts a new producer.
     */
    final class Batch {

        private final Producer<String, byte[]> producer;
        private final List<CompletableFuture<RecordMetadata>> pending = new ArrayList<>();
        private int sent;

        private Batch(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        /** Sends one event; the broker's acknowledgement (all in-sync replicas) is awaited by {@link #acknowledge}. */
        void send(String topic, CanonicalEvent event) {
            ensureTopic(topic);
            if (isAbandoned(producer)) {
                throw new KafkaPublishingException("an earlier event of this batch was not taken by the broker", null);
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.subject(),
                    CLOUD_EVENTS.writeBytes(event), List.of(new RecordHeader("content-type",
                    CloudEventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
            CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
            try {
                producer.send(record, (metadata, failure) -> {
                    if (failure == null) {
                        acknowledged.complete(metadata);
                    } else {
                        abandon(producer, failure);
                        acknowledged.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                abandon(producer, e);
                throw new KafkaPublishingException("the producer did not take an event: " + e, e);
            }
            pending.add(acknowledged);
            sent++;
        }

        /**
         * Waits until the broker acknowledged every event sent since the last call; the first failure, or the wait
         * running out, fails the batch (and abandons its producer).
         */
        void acknowledge(Duration atMost) {
            long deadline = System.nanoTime() + atMost.toNanos();
            try {
                for (CompletableFuture<RecordMetadata> send : pending) {
                    send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                pending.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon(producer, e);
                throw new KafkaPublishingException("interrupted while waiting for the broker", e);
            } catch (ExecutionException e) {
                throw new KafkaPublishingException("the broker did not take an event: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                abandon(producer, e);
                throw new KafkaPublishingException("no acknowledgement from the broker within " + atMost, e);
            }
        }

        /** Events sent in this batch so far. */
        int sent() {
            return sent;
        }
    }

    /** A topic known to exist: no check before the first send to it. */
    void knownTopic(String topic) {
        topicsKnown.add(topic);
    }

    /** Creates the topic once per producer life if it does not exist yet (the broker's default replication). */
    private void ensureTopic(String topic) {
        if (topicsKnown.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(adminSettings)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get();
            log.info("Created Kafka topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaPublishingException("topic " + topic + " could not be checked: " + e.getCause(),
                        e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingException("interrupted while checking topic " + topic, e);
        }
        topicsKnown.add(topic);
    }

    private synchronized Producer<String, byte[]> producer() {
        if (closed) {
            throw new KafkaPublishingException("the publisher is shut down", null);
        }
        if (current == null) {
            current = factory.get();
        }
        return current;
    }

    /**
     * Called on the producer's I/O thread by the first failed record: close(0) there fails every record still queued
     * behind it, so none of them can overtake the failed one (also called when a send or a wait fails). The next
     * batch starts a new producer.
     */
    private synchronized boolean isAbandoned(Producer<String, byte[]> producer) {
        return current != producer;
    }

    private synchronized void abandon(Producer<String, byte[]> producer, Exception failure) {
        if (current == producer) {
            log.warn("Kafka send failed, abandoning the producer and its queued records: {}", failure.toString());
            current = null;
            producer.close(Duration.ZERO);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
            current = null;
        }
    }
}
