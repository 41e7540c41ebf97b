package io.omnireturns.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.console.browser.DemoReturns;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Takes a demo web return to {@code COMPLETED} through the public API as the warehouse would: once the carrier's
 * label is issued, the parcel is received and inspected (all accepted as new); the process refunds and completes.
 */
public final class CompletedReturns {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private CompletedReturns() {
    }

    /** A completed web return (one rain jacket of a fresh copy of ORD-1001). */
    public static DemoReturns.Requested completedWebReturn(DemoReturns returns, TestRestTemplate rest) {
        DemoReturns.Requested requested = returns.webReturn();
        String line = requested.orderId() + "-L1";
        awaitView(rest, requested.returnId(), view -> {
            for (JsonNode system : view.path("systems")) {
                if ("CARRIER".equals(system.path("system").asText())) {
                    return "LABEL_ISSUED".equals(system.path("state").asText());
                }
            }
            return false;
        });
        post(rest, "/api/v1/returns/" + requested.returnId() + "/receipts", Map.of("receiptId",
                "RCPT-" + requested.returnId(), "locationId", "DC-EAST",
                "lines", List.of(Map.of("orderLineId", line, "quantity", 1))));
        post(rest, "/api/v1/returns/" + requested.returnId() + "/inspections", Map.of("inspectionId",
                "INSP-" + requested.returnId(), "lines", List.of(Map.of("orderLineId", line, "acceptedQuantity", 1,
                        "rejectedQuantity", 0, "grade", "NEW", "disposition", "RESTOCK"))));
        awaitView(rest, requested.returnId(), view -> "COMPLETED".equals(view.path("status").asText()));
        return requested;
    }

    private static void post(TestRestTemplate rest, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("warehouse", "demo");
        ResponseEntity<String> answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(path + " answered " + answer.getStatusCode() + " " + answer.getBody());
        }
    }

    private static void awaitView(TestRestTemplate rest, String returnId,
                                  java.util.function.Predicate<JsonNode> condition) {
        HttpHeaders reader = new HttpHeaders();
        reader.setBasicAuth("admin", "demo");
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
            ResponseEntity<JsonNode> view = rest.exchange("/api/v1/returns/" + returnId, HttpMethod.GET,
                    new HttpEntity<>(reader), JsonNode.class);
            return view.getStatusCode() == HttpStatus.OK ? view.getBody() : null;
        }, view -> view != null && condition.test(view));
    }
}
