package io.omnireturns.distribution.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.platform.webhooks.StandardWebhooks;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operations API of the webhooks and the returns API, as the webhook tests call them. */
final class WebhookApi {

    static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("webhook-test-secret-of-32-bytes!".getBytes());
    static final String NEW_SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("webhook-test-secret-rotated-32b!".getBytes());
    static final String INITIATED = "io.omnireturns.return.initiated.v1";
    static final String RECEIVED = "io.omnireturns.return.received.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    private final SandboxOrderSystem orders;
    private final Map<String, String> lines = new java.util.concurrent.ConcurrentHashMap<>();

    WebhookApi(TestRestTemplate rest, SandboxOrderSystem orders) {
        this.rest = rest;
        this.orders = orders;
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, "demo");
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode ok(ResponseEntity<String> answer) {
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        return read(answer.getBody());
    }

    /** A new subscription of the operations user to both test types; its id. */
    String subscribe(String url) {
        return ok(call("operations", HttpMethod.POST, "/api/v1/webhooks/subscriptions",
                Map.of("url", url, "eventTypes", List.of(INITIATED, RECEIVED), "secret", SECRET)))
                .path("subscriptionId").asText();
    }

    JsonNode subscription(String id) {
        return ok(call("operations", HttpMethod.GET, "/api/v1/webhooks/subscriptions/" + id, null));
    }

    JsonNode deliveries(String id) {
        return ok(call("operations", HttpMethod.GET, "/api/v1/webhooks/subscriptions/" + id + "/deliveries?size=50",
                null));
    }

    /** A new authorized web return of a fresh copy of a demo order; its id. */
    String requestReturn() {
        OrderSnapshot order = DemoOrders.copyUnder(DemoOrders.webApparelOrder(Instant.now()),
                "WH-" + UUID.randomUUID().toString().substring(0, 8));
        orders.register(order);
        JsonNode answer = ok(call("web-shop", HttpMethod.POST, "/api/v1/returns", Map.of("orderId", order.orderId(),
                "channel", "WEB", "lines", List.of(Map.of("orderLineId", order.orderId() + "-L1", "quantity", 1,
                        "reason", "SIZE_OR_FIT")))));
        String returnId = answer.path("returnId").asText();
        lines.put(returnId, order.orderId() + "-L1");
        return returnId;
    }

    void receive(String returnId) {
        ok(call("warehouse", HttpMethod.POST, "/api/v1/returns/" + returnId + "/receipts",
                Map.of("receiptId", "RCPT-" + returnId, "locationId", "DC-EAST",
                        "lines", List.of(Map.of("orderLineId", orderLineOf(returnId), "quantity", 1)))));
    }

    private String orderLineOf(String returnId) {
        return lines.get(returnId);
    }

    /** The requests a subscriber received about one return, in the order they arrived. */
    static List<LoggedRequest> about(String returnId, List<LoggedRequest> requests) {
        List<LoggedRequest> mine = new ArrayList<>();
        for (LoggedRequest request : requests) {
            if (returnId.equals(read(request.getBodyAsString()).path("subject").asText())) {
                mine.add(request);
            }
        }
        mine.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return mine;
    }

    static String typeOf(LoggedRequest request) {
        return read(request.getBodyAsString()).path("type").asText();
    }

    /** Whether one of the request's signatures is the Standard Webhooks signature under {@code secret}. */
    static boolean signedWith(LoggedRequest request, String secret) {
        byte[] key = io.omnireturns.platform.webhooks.WebhookSecret.parse(secret, "secret");
        String expected = StandardWebhooks.signature(key, request.getHeader(StandardWebhooks.ID_HEADER),
                Long.parseLong(request.getHeader(StandardWebhooks.TIMESTAMP_HEADER)), request.getBody());
        return List.of(request.getHeader(StandardWebhooks.SIGNATURE_HEADER).split(" ")).contains(expected);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
