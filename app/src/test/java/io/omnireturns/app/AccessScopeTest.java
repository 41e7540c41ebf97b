package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.receipt;
import static io.omnireturns.app.ApiClient.received;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Object-level access (one store, one customer), who is recorded as acting, mass assignment, oversized bodies and
 * page caps, all through the public API with the demo users of docs/security.md.
 */
@AppIntegrationTest
class AccessScopeTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orderSystem;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void a_stores_credentials_cannot_read_or_act_on_another_stores_return() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        ApiClient store1 = api.as("store-001");
        ApiClient store2 = api.as("store-002");
        String returnId = requested(store1.requestReturn(key(), storeReturn(order, "STORE-001")));
        awaitVisible(returnId);

        assertThat(store1.get("/api/v1/returns/" + returnId).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(store2.get("/api/v1/returns/" + returnId), HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(store2.post("/api/v1/returns/" + returnId + "/receipts",
                        receipt("RCPT-2", "STORE-002", received(TestOrders.line(order, 1), 1))),
                HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(store2.post("/api/v1/returns/" + returnId + "/cancellation", Map.of("reason", "not mine")),
                HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(store2.get("/api/v1/returns?storeId=STORE-001"), HttpStatus.FORBIDDEN, "STORE_NOT_IN_SCOPE");
        assertThat(store2.get("/api/v1/returns?orderId=" + order.orderId()).getBody().path("content")).isEmpty();
        OrderSnapshot another = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        assertProblem(store2.requestReturn(key(), storeReturn(another, "STORE-001")), HttpStatus.FORBIDDEN,
                "STORE_NOT_IN_SCOPE");
        assertProblem(store2.requestReturn(key(), ApiClient.webReturn(order.orderId(),
                line(TestOrders.line(order, 2), 1, "SIZE_OR_FIT"))), HttpStatus.FORBIDDEN, "STORE_NOT_IN_SCOPE");
        assertThat(eventTypes(returnId)).doesNotContain("ReturnItemsReceived", "ReturnCancelled");

        // its own store's associate takes the parcel in
        assertThat(store1.post("/api/v1/returns/" + returnId + "/receipts",
                        receipt("RCPT-1", "STORE-001", received(TestOrders.line(order, 1), 1)))
                .getBody().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(store1.get("/api/v1/returns?orderId=" + order.orderId()).getBody().path("content")).hasSize(1);
    }

    @Test
    void a_channel_acting_for_one_customer_sees_and_requests_only_that_customers_returns() {
        OrderSnapshot own = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant())); // CUST-100
        OrderSnapshot other = registeredCopy(orderSystem, DemoOrders.webOrderOfFive(clock.instant())); // CUST-800
        ApiClient customer = api.as("customer-100");
        String ownReturn = requested(customer.requestReturn(key(), ApiClient.webReturn(own.orderId(),
                line(TestOrders.line(own, 1), 1, "SIZE_OR_FIT"))));
        String otherReturn = requested(api.as("web-shop").requestReturn(key(), ApiClient.webReturn(other.orderId(),
                line(TestOrders.line(other, 1), 1, "SIZE_OR_FIT"))));
        awaitVisible(ownReturn);
        awaitVisible(otherReturn);

        assertThat(customer.get("/api/v1/returns/" + ownReturn).getBody().path("customerId").asText())
                .isEqualTo("CUST-100");
        assertProblem(customer.get("/api/v1/returns/" + otherReturn), HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(customer.post("/api/v1/returns/" + otherReturn + "/cancellation", Map.of("reason", "not mine")),
                HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(customer.get("/api/v1/returns?customerId=CUST-800"), HttpStatus.FORBIDDEN, "CUSTOMER_NOT_IN_SCOPE");
        assertThat(customer.get("/api/v1/returns?size=100").getBody().path("content"))
                .isNotEmpty()
                .allSatisfy(view -> assertThat(view.path("customerId").asText()).isEqualTo("CUST-100"));
        assertProblem(customer.requestReturn(key(), ApiClient.webReturn(other.orderId(),
                        line(TestOrders.line(other, 1), 1, "SIZE_OR_FIT"))),
                HttpStatus.UNPROCESSABLE_ENTITY, "CUSTOMER_DOES_NOT_MATCH_ORDER");
        assertThat(eventTypes(otherReturn)).doesNotContain("ReturnCancelled");
    }

    @Test
    void the_actor_of_every_event_is_the_signed_in_caller_and_whom_it_acts_for() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        String returnId = requested(api.as("web-shop").requestReturn(key(), ApiClient.webReturn(order.orderId(),
                line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT"))));
        awaitVisible(returnId);

        ResponseEntity<JsonNode> cancelled = api.as("service-agent").exchange(HttpMethod.POST,
                "/api/v1/returns/" + returnId + "/cancellation", Map.of("reason", "customer called"));
        assertThat(cancelled.getBody().path("status").asText()).isEqualTo("CANCELLED");

        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.as("auditor").get("/api/v1/returns/" + returnId + "/history").getBody(),
                body -> body.toString().contains("ReturnCancelled"));
        assertThat(history.toString()).contains("\"actor\":\"web-shop\"").contains("\"actor\":\"service-agent\"")
                .contains("\"cancelledBy\":\"service-agent\"");
    }

    @Test
    void a_client_cannot_set_status_amounts_ids_or_who_acted_and_nothing_changes() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        Map<String, Object> honest = ApiClient.webReturn(order.orderId(), line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT"));

        for (Map.Entry<String, Object> extra : Map.<String, Object>of(
                "status", "COMPLETED",
                "returnId", "RET-CHOSEN-BY-CLIENT",
                "refund", Map.of("minor", 999_999, "currency", "EUR"),
                "actor", "someone-else").entrySet()) {
            Map<String, Object> body = new HashMap<>(honest);
            body.put(extra.getKey(), extra.getValue());
            ResponseEntity<JsonNode> answer = api.as("web-shop").requestReturn(key(), body);
            assertProblem(answer, HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD");
            assertThat(answer.getBody().path("detail").asText()).contains("'" + extra.getKey() + "'");
        }
        Map<String, Object> sneakyLine = new HashMap<>(line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT"));
        sneakyLine.put("refundAmount", 100);
        assertProblem(api.as("web-shop").requestReturn(key(), Map.of("orderId", order.orderId(), "channel", "WEB",
                "lines", List.of(sneakyLine))), HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ReturnRequested' "
                + "AND convert_from(payload, 'UTF8') LIKE ?", Integer.class, "%" + order.orderId() + "%")).isZero();

        String returnId = requested(api.as("web-shop").requestReturn(key(), honest));
        assertProblem(api.as("service-agent").post("/api/v1/returns/" + returnId + "/cancellation",
                Map.of("reason", "x", "cancelledBy", "the-ceo")), HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD");
        assertProblem(api.as("warehouse").post("/api/v1/returns/" + returnId + "/receipts", Map.of("receiptId", "R-1",
                        "locationId", "DC-EAST", "status", "RECEIVED",
                        "lines", List.of(received(TestOrders.line(order, 1), 1)))),
                HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD");
        assertThat(eventTypes(returnId)).doesNotContain("ReturnItemsReceived", "ReturnCancelled");
    }

    @Test
    void an_oversized_body_is_refused_whether_its_length_is_declared_or_it_comes_in_chunks() throws Exception {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        // a valid request, only padded with whitespace: without the limit it would create a return
        // (inside the object: a parser stops reading at its end, and what follows is never read)
        String body = "{\"orderId\":\"" + order.orderId() + "\",\"channel\":\"WEB\"," + " ".repeat(70 * 1024)
                + "\"lines\":[{\"orderLineId\":\"" + TestOrders.line(order, 1)
                + "\",\"quantity\":1,\"reason\":\"SIZE_OR_FIT\"}]}";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> declared = client.send(returnRequest()
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        // a body of unknown length goes out chunked: only counting while reading can stop it
        HttpResponse<String> chunked = client.send(returnRequest()
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?",
                Integer.class, "%" + order.orderId() + "%")).isZero();
    }

    @Test
    void every_paged_endpoint_refuses_a_page_larger_than_its_cap() {
        assertProblem(api.get("/api/v1/returns?size=101"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/exceptions?size=101"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(api.get("/api/v1/finance/periods/2026-01/reconciliation?size=101"),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(api.get("/api/v1/returns?size=100").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private HttpRequest.Builder returnRequest() {
        String credentials = Base64.getEncoder().encodeToString("web-shop:demo".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/returns"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key());
    }

    private Map<String, Object> storeReturn(OrderSnapshot order, String storeId) {
        return Map.of("orderId", order.orderId(), "channel", "STORE", "storeId", storeId,
                "lines", List.of(line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT")));
    }

    private static String requested(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        return answer.getBody().path("returnId").asText();
    }

    private void awaitVisible(String returnId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/returns/" + returnId).getStatusCode() == HttpStatus.OK);
    }

    private List<String> eventTypes(String returnId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber", String.class, returnId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getBody().path("code").asText()).isEqualTo(code);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
