package io.omnireturns.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.distribution.DistributionIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without spring.kafka.bootstrap-servers (the embedded default run) nothing of Kafka runs, and operations are told. */
@DistributionIntegrationTest
class KafkaOffByDefaultTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TestRestTemplate rest;

    @Test
    void without_bootstrap_servers_there_is_no_publisher_and_a_republication_is_refused() {
        assertThat(context.getBeanNamesForType(KafkaPublisher.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CanonicalEventProducer.class)).isEmpty();
        assertThat(processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP)).isEmpty();
        JsonNode health = rest.withBasicAuth("operations", "demo").getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("components").has("kafkaPublisher")).as(String.valueOf(health)).isFalse();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = rest.withBasicAuth("operations", "demo").exchange(
                "/api/v1/admin/kafka/republications", HttpMethod.POST,
                new HttpEntity<>(Map.of("from", "2026-01-01T00:00:00Z"), headers), JsonNode.class);
        KafkaRepublicationTest.assertProblem(answer, 409, "KAFKA_PUBLISHING_OFF");
    }
}
