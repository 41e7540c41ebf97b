package io.omnireturns.chaos.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox-systems process's HTTP contract, in this JVM: what the nodes' HTTP adapters rely on. */
class SandboxSystemsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxSystems systems;

    @BeforeEach
    void start() throws Exception {
        systems = SandboxSystems.start(0, 7);
    }

    @AfterEach
    void stop() {
        systems.close();
    }

    @Test
    void copies_of_demo_orders_are_known_and_other_orders_are_not() throws Exception {
        HttpResponse<String> copy = get("/orders/orders/CHAOS-1001-t-1");
        HttpResponse<String> unknown = get("/orders/orders/NOPE-1");

        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(SandboxSystems.JSON.readTree(copy.body()).path("orderId").asText()).isEqualTo("CHAOS-1001-t-1");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void a_repeated_refund_key_answers_the_first_refund_and_pays_once() throws Exception {
        Map<String, Object> refund = refund("CHAOS-1001-t-2", "R-2:REFUND_PAYMENT");

        HttpResponse<String> first = post("/payments/refunds", "R-2:REFUND_PAYMENT", refund);
        HttpResponse<String> again = post("/payments/refunds", "R-2:REFUND_PAYMENT", refund);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(SandboxSystems.JSON.readTree(first.body()).path("status").asText()).isEqualTo("SETTLED");
        assertThat((List<?>) systems.books().get("refunds")).hasSize(1);
    }

    @Test
    void a_failure_after_the_effect_loses_the_answer_but_the_retry_with_the_same_key_gets_the_same_refund()
            throws Exception {
        Map<String, Object> refund = refund("CHAOS-1001-t-3", "R-3:REFUND_PAYMENT");
        assertThat(post("/_faults?connector=payments&failureRate=1&afterEffectShare=1", null, Map.of())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> lost = post("/payments/refunds", "R-3:REFUND_PAYMENT", refund);
        post("/_faults?connector=payments&failureRate=0", null, Map.of());
        HttpResponse<String> retried = post("/payments/refunds", "R-3:REFUND_PAYMENT", refund);

        assertThat(lost.statusCode()).isEqualTo(503);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat((List<?>) systems.books().get("refunds")).hasSize(1);
        List<JsonNode> payments = new java.util.ArrayList<>();
        SandboxSystems.JSON.readTree(get("/_calls").body()).forEach(call -> {
            if ("payments".equals(call.path("connector").asText())) {
                payments.add(call);
            }
        });
        assertThat(payments).extracting(call -> call.path("status").asInt()).containsExactly(503, 200);
        assertThat(payments).allMatch(call -> "node-test".equals(call.path("caller").asText())
                && "R-3:REFUND_PAYMENT".equals(call.path("key").asText()));
    }

    private Map<String, Object> refund(String orderId, String key) throws Exception {
        JsonNode tender = SandboxSystems.JSON.readTree(get("/orders/orders/" + orderId).body()).path("tenders").get(0);
        Map<String, Object> amount = Map.of("minor", 100, "currency", tender.path("amount").path("currency").asText());
        return Map.of("idempotencyKey", key, "returnId", key.substring(0, key.indexOf(':')), "orderId", orderId,
                "tenders", List.of(Map.of("tenderId", tender.path("tenderId").asText(),
                        "type", tender.path("type").asText(), "amount", amount)), "amount", amount);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + systems.port() + path))
                .header("Authorization", "Bearer node-test").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + systems.port() + path))
                .header("Authorization", "Bearer node-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SandboxSystems.JSON.writeValueAsBytes(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
