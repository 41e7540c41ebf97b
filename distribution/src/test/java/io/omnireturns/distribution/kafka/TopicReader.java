package io.omnireturns.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a topic from its beginning, as a consumer of the contract would, collecting every record it has seen. */
final class TopicReader implements AutoCloseable {

    /** One record: its key, the CloudEvents document's attributes, and the partition it was in. */
    record Received(String key, String id, String type, String subject, long sequence, int partition, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();
    private boolean assigned;

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Everything read so far, after one more poll, in the order of each partition. */
    synchronized List<Received> poll() {
        if (!assigned) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            if (partitions == null || partitions.isEmpty()) {
                return List.copyOf(received);
            }
            List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            assigned = true;
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            try {
                JsonNode json = JSON.readTree(record.value());
                received.add(new Received(record.key(), json.path("id").asText(), json.path("type").asText(),
                        json.path("subject").asText(), json.path("sequence").asLong(), record.partition(), json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(received);
    }

    /**
     * A consumer's view of one return: its records in the order they arrived, each id kept at its first appearance
     * (how a consumer de-duplicates).
     */
    synchronized List<Received> deduplicated(String returnId) {
        Map<String, Received> firstSeen = new LinkedHashMap<>();
        for (Received record : poll()) {
            if (returnId.equals(record.key())) {
                firstSeen.putIfAbsent(record.id(), record);
            }
        }
        return List.copyOf(firstSeen.values());
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
