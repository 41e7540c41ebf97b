package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.integration.IntegrationProperties;
import io.omnireturns.command.integration.WebhookSignatures;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing on the all-in-one service with the OpenTelemetry SDK's in-memory exporter in place of OTLP: the payment
 * gateway is a WireMock server reached over HTTP, every other connector is a sandbox. Each request that moves a
 * return makes one trace: its HTTP server span is the root, and the commands, the events' handling on the event
 * processors' threads, the return process's step calls on the step pool and their outbound HTTP calls hang below it.
 */
@AppIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.connectors.payments.mode=http",
        "management.tracing.sampling.probability=1.0",
        "management.tracing.opentelemetry.export.schedule-delay=100ms"})
@AutoConfigureObservability
class ReturnTracingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer PAYMENT_GATEWAY = startedPaymentGateway();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    InMemorySpanExporter spans;

    @TestConfiguration
    static class InMemoryExport {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void paymentGateway(DynamicPropertyRegistry registry) {
        registry.add("omnireturns.connectors.payments.base-url", PAYMENT_GATEWAY::baseUrl);
    }

    @AfterAll
    static void stopPaymentGateway() {
        PAYMENT_GATEWAY.stop();
    }

    @Test
    void a_web_returns_request_and_its_inspection_each_make_one_span_tree_down_to_the_step_calls_and_the_refund_call() {
        // a client of its own, untraced: the service's server span is where each trace starts
        TestRestTemplate untraced = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        ApiClient api = new ApiClient(untraced);
        ProcessDriver driver = new ProcessDriver(api);
        OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        orders.register(order);
        String jacket = TestOrders.line(order, 1);

        ResponseEntity<JsonNode> requested = api.requestReturn("trace-" + order.orderId(), Map.of(
                "orderId", order.orderId(), "channel", "WEB", "refundMethod", "ORIGINAL_TENDER",
                "lines", List.of(line(jacket, 1, "SIZE_OR_FIT"))));
        String returnId = requested.getBody().path("returnId").asText();
        String requestTrace = requested.getHeaders().getFirst("X-Trace-Id");

        // the request's trace: its command, the events it applied, handled on the processors' threads, and the steps
        // the return process started (fraud check, label), each on the step pool
        Map<String, SpanData> requestSpans = awaitTrace(requestTrace, trace -> names(trace).contains("step ISSUE_LABEL")
                && processorsOf(trace).contains("return-status"));
        SpanData requestRoot = rootOf(requestSpans);
        assertThat(requestRoot.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(requestRoot.getName()).isEqualTo("http post /api/v1/returns");
        assertThat(names(requestSpans)).contains("command RequestReturn", "step FRAUD_CHECK", "step ISSUE_LABEL")
                .anyMatch(name -> name.startsWith("event "));
        assertThat(requestSpans.values()).allSatisfy(span -> assertThat(ancestors(span, requestSpans))
                .as(span.getName()).endsWith(requestRoot));
        assertThat(processorsOf(requestSpans)).contains("return-process", "return-status");

        driver.receiveAndInspectWhenLabelled(returnId, order.fulfilmentLocationId(), Map.of(jacket, 1));

        // the refund call went out with the trace of the inspection that decided the refund
        LoggedRequest refundCall = await().atMost(ProcessDriver.PATIENCE).until(
                () -> PAYMENT_GATEWAY.findAll(postRequestedFor(urlEqualTo("/refunds"))),
                calls -> !calls.isEmpty()).get(0);
        String[] traceparent = refundCall.getHeader("traceparent").split("-");
        String refundTrace = traceparent[1];
        assertThat(refundTrace).isNotEqualTo(requestTrace);
        Map<String, SpanData> refundSpans = awaitTrace(refundTrace, trace -> trace.containsKey(traceparent[2]));
        SpanData clientSpan = refundSpans.get(traceparent[2]);
        assertThat(clientSpan.getKind()).isEqualTo(SpanKind.CLIENT);
        SpanData refundRoot = rootOf(refundSpans);
        assertThat(refundRoot.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(refundRoot.getName()).isEqualTo("http post /api/v1/returns/{returnId}/inspections");
        List<String> path = ancestors(clientSpan, refundSpans).stream().map(SpanData::getName).toList();
        assertThat(path).as("from the refund call up to the inspection request").containsSubsequence(
                "http post", "step REFUND_PAYMENT", "event RefundRequested", "command DecideRefund",
                "command RecordInspection", "http post /api/v1/returns/{returnId}/inspections");

        // the gateway settles later by webhook, sending back the trace context it received: the same trace goes on
        settleByWebhook(untraced, returnId, refundCall.getHeader("traceparent"));
        driver.awaitStatus(returnId, "COMPLETED");
        Map<String, SpanData> settledSpans = awaitTrace(refundTrace,
                trace -> names(trace).contains("command RecordRefundSettled"));
        SpanData settlement = settledSpans.values().stream()
                .filter(span -> span.getName().equals("command RecordRefundSettled")).findFirst().orElseThrow();
        assertThat(ancestors(settlement, settledSpans)).extracting(SpanData::getName).containsSubsequence(
                "command RecordRefundSettled", "http post /api/v1/integrations/{system}/events", "http post",
                "step REFUND_PAYMENT");

        // the audit trail's trace id is the real W3C trace id of that trace
        assertThat(metadataOf(returnId, "RefundIssued").path("traceId").asText()).isEqualTo(refundTrace);
        assertThat(metadataOf(returnId, "RefundSettled").path("traceId").asText()).isEqualTo(refundTrace);
        assertThat(metadataOf(returnId, "ReturnRequested").path("traceId").asText()).isEqualTo(requestTrace);
    }

    private Map<String, SpanData> awaitTrace(String traceId, java.util.function.Predicate<Map<String, SpanData>> done) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(span -> span.getTraceId().equals(traceId))
                        .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a)),
                        trace -> !trace.isEmpty() && done.test(trace));
    }

    private static SpanData rootOf(Map<String, SpanData> trace) {
        List<SpanData> roots = trace.values().stream().filter(span -> !span.getParentSpanContext().isValid()).toList();
        assertThat(roots).as("one root in %s", names(trace)).hasSize(1);
        return roots.get(0);
    }

    /** The span, its parent, its parent's parent... up to the root; fails on a parent missing from the trace. */
    private static List<SpanData> ancestors(SpanData span, Map<String, SpanData> trace) {
        List<SpanData> chain = new ArrayList<>();
        for (SpanData current = span; current != null; ) {
            chain.add(current);
            if (!current.getParentSpanContext().isValid()) {
                break;
            }
            SpanData parent = trace.get(current.getParentSpanId());
            assertThat(parent).as("parent of %s", current.getName()).isNotNull();
            current = parent;
        }
        return chain;
    }

    /** The event processors whose handling of an event is in the trace. */
    private static List<String> processorsOf(Map<String, SpanData> trace) {
        return trace.values().stream().filter(span -> span.getName().startsWith("event "))
                .map(span -> span.getAttributes().get(AttributeKey.stringKey("axon.processor")))
                .toList();
    }

    private static List<String> names(Map<String, SpanData> trace) {
        return trace.values().stream().map(SpanData::getName).toList();
    }

    private JsonNode metadataOf(String returnId, String eventType) {
        String metadata = jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber LIMIT 1""",
                String.class, returnId, "%." + eventType);
        try {
            return JSON.readTree(Optional.ofNullable(metadata).orElse("{}"));
        } catch (Exception e) {
            throw new AssertionError(metadata, e);
        }
    }

    /** The gateway's signed {@code REFUND_SETTLED} webhook, carrying the {@code traceparent} of the refund call. */
    private static void settleByWebhook(TestRestTemplate gateway, String returnId, String traceparent) {
        String body = """
                {"type": "REFUND_SETTLED", "returnId": "%s", "gatewayReference": "PG-%s"}""".formatted(returnId, returnId);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String webhookId = "msg_settle_" + returnId;
        long now = Instant.now().getEpochSecond();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(WebhookSignatures.ID_HEADER, webhookId);
        headers.set(WebhookSignatures.TIMESTAMP_HEADER, Long.toString(now));
        headers.set(WebhookSignatures.SIGNATURE_HEADER, "v1," + Base64.getEncoder().encodeToString(hmac(
                (webhookId + "." + now + ".").getBytes(StandardCharsets.UTF_8), bytes)));
        headers.set("traceparent", traceparent);
        ResponseEntity<String> answer = gateway.exchange("/api/v1/integrations/payments/events", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    }

    private static byte[] hmac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            String secret = IntegrationProperties.DEMO_PAYMENTS_SECRET;
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer startedPaymentGateway() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        // takes exactly what was asked; the money settles later (a webhook)
        server.stubFor(post("/refunds").willReturn(okJson("""
                {"gatewayReference": "PG-{{jsonPath request.body '$.returnId'}}",
                 "amount": {"minor": {{jsonPath request.body '$.amount.minor'}},
                            "currency": "{{jsonPath request.body '$.amount.currency'}}"},
                 "status": "PENDING"}""").withTransformers("response-template")));
        return server;
    }
}
