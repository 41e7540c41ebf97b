package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * Talks to the service the way a channel does: JSON over HTTP, answers read as JSON trees. Signs in as the demo
 * {@code admin} unless told to be someone else ({@link #as}); every demo password is {@code demo}.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO_PASSWORD = "demo";

    /** Not signed in. */
    private final TestRestTemplate anonymous;
    private final TestRestTemplate rest;

    ApiClient(TestRestTemplate anonymous) {
        this(anonymous, "admin");
    }

    private ApiClient(TestRestTemplate anonymous, String user) {
        this.anonymous = anonymous;
        this.rest = user == null ? anonymous : anonymous.withBasicAuth(user, DEMO_PASSWORD);
    }

    /** The same service, signed in as another demo user. */
    ApiClient as(String user) {
        return new ApiClient(anonymous, user);
    }

    /** The same service, not signed in. */
    ApiClient anonymous() {
        return new ApiClient(anonymous, null);
    }

    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
        return exchange(method, path, body == null ? new HttpEntity<>(jsonHeaders()) : new HttpEntity<>(body, jsonHeaders()));
    }

    ResponseEntity<JsonNode> requestReturn(String idempotencyKey, Object body) {
        HttpHeaders headers = jsonHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return exchange(HttpMethod.POST, "/api/v1/returns", new HttpEntity<>(body, headers));
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, new HttpEntity<>(body, jsonHeaders()));
    }

    /** A POST under an {@code Idempotency-Key} (none when null). */
    ResponseEntity<JsonNode> post(String path, String idempotencyKey, Object body) {
        HttpHeaders headers = jsonHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return exchange(HttpMethod.POST, path, new HttpEntity<>(body, headers));
    }

    ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, new HttpEntity<>(jsonHeaders()));
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, HttpEntity<?> entity) {
        ResponseEntity<String> response = rest.exchange(path, method, entity, String.class);
        try {
            JsonNode body = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    static Map<String, Object> line(String orderLineId, int quantity, String reason) {
        return Map.of("orderLineId", orderLineId, "quantity", quantity, "reason", reason);
    }

    static Map<String, Object> webReturn(String orderId, Object... lines) {
        return Map.of("orderId", orderId, "channel", "WEB", "lines", java.util.List.of(lines));
    }

    static Map<String, Object> receipt(String receiptId, String locationId, Object... lines) {
        return Map.of("receiptId", receiptId, "locationId", locationId, "lines", java.util.List.of(lines));
    }

    static Map<String, Object> received(String orderLineId, int quantity) {
        return Map.of("orderLineId", orderLineId, "quantity", quantity);
    }

    static Map<String, Object> inspection(String inspectionId, Object... lines) {
        return Map.of("inspectionId", inspectionId, "lines", java.util.List.of(lines));
    }

    static Map<String, Object> inspected(String orderLineId, int accepted, int rejected, String grade, String disposition) {
        return Map.of("orderLineId", orderLineId, "acceptedQuantity", accepted, "rejectedQuantity", rejected,
                "grade", grade, "disposition", disposition);
    }
}
