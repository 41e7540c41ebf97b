package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireturns.command.connectors.orders.DemoOrders;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.webReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correlation, metrics and health on the all-in-one service: the fraud service is a WireMock server reached over
 * HTTP, every other connector is a sandbox. The ids a request brings travel through the command, its events, the
 * return process, the outbound call and the events that call's answer causes. Tracing is on, as in the service (its
 * spans go nowhere: no OTLP endpoint is set); the span tree itself is {@link ReturnTracingTest}'s.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.connectors.fraud.mode=http",
        "omnireturns.connectors.fraud.retry.max-attempts=1"})
@AutoConfigureObservability
class ObservabilityTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer FRAUD_SERVICE = startedFraudService();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @DynamicPropertySource
    static void fraudService(DynamicPropertyRegistry registry) {
        registry.add("omnireturns.connectors.fraud.base-url", FRAUD_SERVICE::baseUrl);
    }

    @AfterAll
    static void stopFraudService() {
        FRAUD_SERVICE.stop();
    }

    @Test
    void a_requests_ids_reach_the_fraud_service_and_every_event_of_the_process_down_to_the_notification() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "checkout-777");
        headers.set("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        ResponseEntity<String> answer = requestReturn(headers);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("checkout-777");
        assertThat(answer.getHeaders().getFirst("X-Trace-Id")).isEqualTo(TRACE_ID);
        String returnId = read(answer.getBody()).path("returnId").asText();

        // the return process scores fraud over HTTP, then the sandbox carrier issues a label and the customer is told
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(returnId).containsAll(
                List.of("FraudAssessed", "ReturnLabelIssued", "CustomerNotified")));

        List<LoggedRequest> fraudCalls = FRAUD_SERVICE.findAll(postRequestedFor(urlEqualTo("/assessments")));
        assertThat(fraudCalls).anySatisfy(call -> {
            assertThat(call.getBodyAsString()).contains(returnId);
            assertThat(call.getHeader("X-Correlation-Id")).isEqualTo("checkout-777");
            assertThat(call.getHeader("X-Trace-Id")).isEqualTo(TRACE_ID);
            assertThat(call.getHeader("traceparent")).startsWith("00-" + TRACE_ID + "-");
        });
        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT payloadtype, convert_from(metadata, 'UTF8') AS metadata FROM domainevententry
                WHERE aggregateidentifier = ? ORDER BY sequencenumber""", returnId);
        assertThat(events).hasSizeGreaterThanOrEqualTo(5).allSatisfy(event -> {
            JsonNode metadata = read((String) event.get("metadata"));
            assertThat(metadata.path("correlationId").asText()).as("%s", event.get("payloadtype"))
                    .isEqualTo("checkout-777");
            assertThat(metadata.path("traceId").asText()).as("%s", event.get("payloadtype")).isEqualTo(TRACE_ID);
            assertThat(metadata.path("actor").asText()).as("%s", event.get("payloadtype")).isEqualTo("web-shop");
        });
    }

    @Test
    void prometheus_shows_axon_processor_connector_and_kpi_metrics() {
        assertThat(requestReturn(new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("omnireturns_connector_calls_seconds_count"));

        String metrics = scrape();

        assertThat(metrics)
                .contains("omnireturns_processor_lag_events{")
                .contains("omnireturns_processor_deadletters{")
                .contains("processor=\"return-status\"")
                .contains("omnireturns_connector_circuit_state{")
                .contains("connector=\"fraud\"")
                .contains("omnireturns_connector_http_calls_seconds_count{")
                .contains("http_client_requests_seconds_count{")
                .contains("omnireturns_kpi_duration_seconds{")
                .contains("kpi=\"refund_cycle_time\"")
                .contains("omnireturns_kpi_ratio{");
        assertThat(metrics).containsPattern("(?m)^eventProcessor\\w*");
    }

    @Test
    void health_names_each_component_and_a_stopped_processor_takes_the_service_out_of_service() {
        JsonNode healthy = health(HttpStatus.OK);
        assertThat(healthy.path("status").asText()).isEqualTo("UP");
        assertThat(healthy.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(healthy.at("/components/eventProcessors/components/kpi/status").asText()).isEqualTo("UP");
        assertThat(healthy.at("/components/eventProcessors/components/return-process/status").asText()).isEqualTo("UP");
        assertThat(healthy.at("/components/connectors/components/fraud/status").asText()).isEqualTo("UP");
        // details (positions, errors, circuit states) are for operations only
        assertThat(healthy.at("/components/eventProcessors/components/kpi").has("details")).isFalse();
        JsonNode forOperations = read(rest.withBasicAuth("operations", "demo")
                .getForObject("/actuator/health", String.class));
        assertThat(forOperations.at("/components/eventProcessors/components/kpi").has("details")).isTrue();
        JsonNode forAgent = read(rest.withBasicAuth("service-agent", "demo")
                .getForObject("/actuator/health", String.class));
        assertThat(forAgent.at("/components/eventProcessors/components/kpi").has("details")).isFalse();

        StreamingEventProcessor kpi = eventProcessing.eventProcessor("kpi", StreamingEventProcessor.class)
                .orElseThrow();
        kpi.shutDown();
        try {
            JsonNode stopped = health(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(stopped.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(stopped.at("/components/eventProcessors/components/kpi/status").asText())
                    .isEqualTo("OUT_OF_SERVICE");
            assertThat(stopped.at("/components/eventProcessors/components/return-status/status").asText())
                    .isEqualTo("UP");
        } finally {
            kpi.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                rest.getForEntity("/actuator/health", String.class).getStatusCode() == HttpStatus.OK);
    }

    /** One of the two jackets of the demo web order: two tests here each return one. */
    private ResponseEntity<String> requestReturn(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        // signed in as the web shop, which every event of the return then names as its actor
        return rest.withBasicAuth("web-shop", "demo").exchange("/api/v1/returns", HttpMethod.POST, new HttpEntity<>(
                webReturn(DemoOrders.WEB_APPAREL_ORDER_ID, line(DemoOrders.WEB_APPAREL_ORDER_ID + "-L1", 1, "SIZE_OR_FIT")),
                headers), String.class);
    }

    private JsonNode health(HttpStatus expected) {
        ResponseEntity<String> answer = rest.getForEntity("/actuator/health", String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
        return read(answer.getBody());
    }

    private String scrape() {
        return rest.withBasicAuth("operations", "demo").getForObject("/actuator/prometheus", String.class);
    }

    private List<String> eventTypes(String returnId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?",
                        String.class, returnId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static WireMockServer startedFraudService() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post("/assessments").willReturn(okJson("""
                {"score": 7, "reviewRequired": false, "signals": []}""")));
        return server;
    }
}
