package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays the channels and the warehouse for end-to-end tests: requests returns, waits for the label where the
 * return is mailed back, then receives and inspects what arrives, all through the public REST API.
 */
final class ProcessDriver {

    static final Duration PATIENCE = Duration.ofSeconds(180);

    private final ApiClient api;

    ProcessDriver(ApiClient api) {
        this.api = api;
    }

    String requestWebReturn(String orderId, List<Map<String, Object>> lines, String refundMethod) {
        return request(Map.of("orderId", orderId, "channel", "WEB", "refundMethod", refundMethod, "lines", lines));
    }

    String requestStoreReturn(String orderId, String storeId, List<Map<String, Object>> lines) {
        return request(Map.of("orderId", orderId, "channel", "STORE", "storeId", storeId, "lines", lines));
    }

    private String request(Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = api.requestReturn(UUID.randomUUID().toString(), body);
        assertThat(answer.getBody().path("status").asText()).as(String.valueOf(answer.getBody())).isEqualTo("AUTHORIZED");
        return answer.getBody().path("returnId").asText();
    }

    /** The parcel arrives once the carrier has issued the label; everything is accepted as new. */
    void receiveAndInspectWhenLabelled(String returnId, String locationId, Map<String, Integer> quantities) {
        awaitView(returnId, view -> "LABEL_ISSUED".equals(system(view, "CARRIER").path("state").asText())
                || "ON_HOLD".equals(view.path("status").asText()));
        receiveAndInspect(returnId, locationId, quantities);
    }

    void receiveAndInspect(String returnId, String locationId, Map<String, Integer> quantities) {
        receiveAndInspect(returnId, locationId, quantities, Map.of());
    }

    /** As above, {@code rejected} items of a line turned down at inspection (torn, say). */
    void receiveAndInspect(String returnId, String locationId, Map<String, Integer> quantities,
                           Map<String, Integer> rejected) {
        List<Map<String, Object>> received = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("orderLineId", line.getKey(), "quantity", line.getValue()))
                .toList();
        api.post("/api/v1/returns/" + returnId + "/receipts",
                Map.of("receiptId", "RCPT-" + returnId, "locationId", locationId, "lines", received));
        List<Map<String, Object>> inspected = quantities.entrySet().stream()
                .map(line -> Map.<String, Object>of("orderLineId", line.getKey(),
                        "acceptedQuantity", line.getValue() - rejected.getOrDefault(line.getKey(), 0),
                        "rejectedQuantity", rejected.getOrDefault(line.getKey(), 0), "grade", "NEW",
                        "disposition", "RESTOCK"))
                .toList();
        api.post("/api/v1/returns/" + returnId + "/inspections",
                Map.of("inspectionId", "INSP-" + returnId, "lines", inspected));
    }

    JsonNode awaitView(String returnId, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
            ResponseEntity<JsonNode> view = api.get("/api/v1/returns/" + returnId);
            return view.getStatusCode().is2xxSuccessful() ? view.getBody() : null;
        }, view -> view != null && condition.test(view));
    }

    /** The status the query side shows now; empty while it has no view of the return yet. */
    Optional<String> currentStatus(String returnId) {
        ResponseEntity<JsonNode> view = api.get("/api/v1/returns/" + returnId);
        return view.getStatusCode().is2xxSuccessful() ? Optional.of(view.getBody().path("status").asText())
                : Optional.empty();
    }

    JsonNode awaitStatus(String returnId, String... statuses) {
        List<String> wanted = List.of(statuses);
        return awaitView(returnId, view -> wanted.contains(view.path("status").asText()));
    }

    static JsonNode system(JsonNode view, String system) {
        for (JsonNode entry : view.path("systems")) {
            if (system.equals(entry.path("system").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no system " + system + " in " + view);
    }

    static Map<String, Object> line(String orderLineId, int quantity, String reason) {
        return Map.of("orderLineId", orderLineId, "quantity", quantity, "reason", reason);
    }

    static Map<String, Object> exchangeLine(String orderLineId, int quantity, String replacementSku) {
        return Map.of("orderLineId", orderLineId, "quantity", quantity, "reason", "SIZE_OR_FIT",
                "replacementSku", replacementSku);
    }
}
