package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static io.omnireturns.app.ApiClient.inspected;
import static io.omnireturns.app.ApiClient.inspection;
import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.receipt;
import static io.omnireturns.app.ApiClient.received;
import static io.omnireturns.app.ApiClient.webReturn;
import static io.omnireturns.app.TestOrders.registeredCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The public REST surface on real (embedded) PostgreSQL, both sides in one JVM, sandbox order system. */
@AppIntegrationTest
class ReturnsApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orderSystem;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void a_multi_line_web_return_walks_from_request_through_receipt_and_inspection_to_the_refund_decision() {
        // the documented demo order, as a newcomer would use it
        ResponseEntity<JsonNode> requested = api.requestReturn(key(), webReturn("ORD-1001",
                line("ORD-1001-L1", 1, "SIZE_OR_FIT"), line("ORD-1001-L3", 2, "DEFECTIVE")));
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(requested.getBody().path("status").asText()).isEqualTo("AUTHORIZED");
        String returnId = requested.getBody().path("returnId").asText();
        assertThat(requested.getHeaders().getLocation()).hasToString("/api/v1/returns/" + returnId);

        JsonNode receivedAnswer = api.post("/api/v1/returns/" + returnId + "/receipts", receipt("RCPT-1", "DC-EAST",
                received("ORD-1001-L1", 1), received("ORD-1001-L3", 2))).getBody();
        assertThat(receivedAnswer.path("status").asText()).isEqualTo("RECEIVED");

        JsonNode inspectedAnswer = api.post("/api/v1/returns/" + returnId + "/inspections", inspection("INSP-1",
                inspected("ORD-1001-L1", 1, 0, "NEW", "RESTOCK"),
                inspected("ORD-1001-L3", 2, 0, "DAMAGED", "RETURN_TO_VENDOR"))).getBody();
        assertThat(inspectedAnswer.path("status").asText()).isEqualTo("INSPECTED");

        JsonNode view = awaitView(returnId, v -> !v.path("refund").path("approvedTotal").isMissingNode()
                && !v.path("refund").path("approvedTotal").isNull());
        // jacket: one of two units, 89.95 + 17.99 tax; t-shirts: two of three, 39.90 + 7.98 tax, no deduction
        // for a defective item; shipping 4.95 + 0.99 back because the retailer was at fault
        assertThat(view.path("refund").path("approvedTotal").path("minor").asLong()).isEqualTo(10794 + 4788 + 594);
        assertThat(view.path("refund").path("approvedTotal").path("currency").asText()).isEqualTo("EUR");
        assertThat(view.path("refund").path("shippingRefund").path("minor").asLong()).isEqualTo(594);
        assertThat(view.path("refund").path("tenderSplit").get(0).path("tenderId").asText()).isEqualTo("ORD-1001-T1");
        // the return process takes it on from here (payment, credit memo, stock): the decision stands
        assertThat(view.path("status").asText()).isIn("INSPECTED", "REFUND_PENDING", "REFUNDED", "COMPLETED");
        JsonNode jacket = lineOf(view, "ORD-1001-L1");
        assertThat(jacket.path("logistics").path("state").asText()).isEqualTo("RECEIVED");
        assertThat(jacket.path("inspection").path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(jacket.path("money").path("refundableAmount").path("minor").asLong()).isEqualTo(10794);
        assertThat(lineOf(view, "ORD-1001-L3").path("money").path("refundableAmount").path("minor").asLong()).isEqualTo(4788);
    }

    @Test
    void a_partial_receipt_marks_the_missing_items_short_and_gives_them_back_to_the_order() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webOrderOfFive(clock.instant()));
        String socks = TestOrders.line(order, 1);
        String returnId = authorizedReturn(order, line(socks, 3, "SIZE_OR_FIT"));

        JsonNode afterReceipt = api.post("/api/v1/returns/" + returnId + "/receipts",
                receipt("RCPT-P1", "DC-EAST", received(socks, 2))).getBody();
        assertThat(afterReceipt.path("status").asText()).isEqualTo("RECEIVED");
        JsonNode partly = awaitView(returnId, v -> "RECEIVED".equals(v.path("status").asText()));
        assertThat(lineOf(partly, socks).path("logistics").path("state").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(lineOf(partly, socks).path("logistics").path("receivedQuantity").asInt()).isEqualTo(2);

        api.post("/api/v1/returns/" + returnId + "/inspections",
                inspection("INSP-P1", inspected(socks, 2, 0, "NEW", "RESTOCK")));
        JsonNode inspectedView = awaitView(returnId, v -> "SHORT".equals(lineOf(v, socks).path("logistics").path("state").asText()));
        assertThat(lineOf(inspectedView, socks).path("logistics").path("shortQuantity").asInt()).isEqualTo(1);

        // the missing item is released on the order's ledger, so 5 - 2 received = 3 can still be returned
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%ReturnQuantitiesReleased'",
                Integer.class, order.orderId()) == 1);
        JsonNode second = api.requestReturn(key(), webReturn(order.orderId(), line(socks, 3, "CHANGED_MIND"))).getBody();
        assertThat(second.path("status").asText()).isEqualTo("AUTHORIZED");
    }

    @Test
    void a_second_return_of_the_same_order_line_cannot_take_more_than_is_left() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webOrderOfFive(clock.instant()));
        String socks = TestOrders.line(order, 1);
        authorizedReturn(order, line(socks, 3, "SIZE_OR_FIT"));

        JsonNode tooMany = api.requestReturn(key(), webReturn(order.orderId(), line(socks, 3, "SIZE_OR_FIT"))).getBody();
        assertThat(tooMany.path("status").asText()).isEqualTo("REJECTED");
        assertThat(tooMany.path("lines").get(0).path("authorizedQuantity").asInt()).isZero();
        assertThat(tooMany.path("lines").get(0).path("reasonCodes").get(0).asText()).isEqualTo("QUANTITY_EXCEEDS_REMAINING");

        JsonNode whatIsLeft = api.requestReturn(key(), webReturn(order.orderId(), line(socks, 2, "SIZE_OR_FIT"))).getBody();
        assertThat(whatIsLeft.path("status").asText()).isEqualTo("AUTHORIZED");
        JsonNode nothingLeft = api.requestReturn(key(), webReturn(order.orderId(), line(socks, 1, "SIZE_OR_FIT"))).getBody();
        assertThat(nothingLeft.path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void twenty_concurrent_identical_requests_create_exactly_one_return_and_all_get_the_same_answer() throws Exception {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        Object body = webReturn(order.orderId(), line(TestOrders.line(order, 2), 1, "CHANGED_MIND"));
        String key = key();
        ExecutorService callers = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                calls.add(callers.submit(() -> {
                    start.await();
                    return api.requestReturn(key, body);
                }));
            }
            start.countDown();
            Set<String> returnIds = new HashSet<>();
            for (Future<ResponseEntity<JsonNode>> call : calls) {
                ResponseEntity<JsonNode> answer = call.get();
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                assertThat(answer.getBody().path("status").asText()).isEqualTo("AUTHORIZED");
                returnIds.add(answer.getBody().path("returnId").asText());
            }
            assertThat(returnIds).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype LIKE '%ReturnRequested' AND convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?""",
                Integer.class, order.orderId())).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused_and_creates_nothing() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        String key = key();
        api.requestReturn(key, webReturn(order.orderId(), line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT")));
        int requests = eventCount("ReturnRequested");

        ResponseEntity<JsonNode> reused = api.requestReturn(key,
                webReturn(order.orderId(), line(TestOrders.line(order, 1), 2, "SIZE_OR_FIT")));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reused.getBody().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount("ReturnRequested")).isEqualTo(requests);
    }

    @Test
    void a_returned_order_past_its_window_is_rejected_with_the_reason() {
        JsonNode answer = api.requestReturn(key(), webReturn("ORD-1004", line("ORD-1004-L1", 1, "SIZE_OR_FIT"))).getBody();

        assertThat(answer.path("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.path("lines").get(0).path("reasonCodes").get(0).asText()).isEqualTo("RETURN_WINDOW_EXPIRED");
    }

    @Test
    void bad_input_gets_problem_details_with_a_stable_code_and_changes_nothing() {
        int requests = eventCount("ReturnRequested");

        assertProblem(api.requestReturn(key(), webReturn("ORD-1001", line("ORD-1001-L1", 0, "SIZE_OR_FIT"))),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(api.requestReturn(null, webReturn("ORD-1001", line("ORD-1001-L1", 1, "SIZE_OR_FIT"))),
                HttpStatus.BAD_REQUEST, "MISSING_HEADER");
        assertProblem(api.requestReturn(key(), "{\"orderId\": \"ORD-1001\", \"lines\": ["),
                HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        assertProblem(api.requestReturn(key(), webReturn("ORD-1001", line("ORD-1001-L1", 1, "NOT_A_REASON"))),
                HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        assertProblem(api.requestReturn(key(), webReturn("ORD-9999", line("ORD-9999-L1", 1, "SIZE_OR_FIT"))),
                HttpStatus.UNPROCESSABLE_ENTITY, "ORDER_NOT_FOUND");
        assertProblem(api.requestReturn(key(), webReturn("ORD-1001", line("ORD-1002-L1", 1, "SIZE_OR_FIT"))),
                HttpStatus.BAD_REQUEST, "ORDER_LINE_NOT_FOUND");
        assertProblem(api.post("/api/v1/returns/" + UUID.randomUUID() + "/cancellation", java.util.Map.of("reason", "x")),
                HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(api.get("/api/v1/returns/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");

        assertThat(eventCount("ReturnRequested")).isEqualTo(requests);
    }

    @Test
    void an_illegal_transition_is_refused_by_the_aggregate_with_a_conflict_and_no_event() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        String returnId = authorizedReturn(order, line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT"));
        api.post("/api/v1/returns/" + returnId + "/receipts", receipt("RCPT-X", "DC-EAST", received(TestOrders.line(order, 1), 1)));

        assertProblem(api.post("/api/v1/returns/" + returnId + "/cancellation", java.util.Map.of("reason", "changed my mind")),
                HttpStatus.CONFLICT, "RETURN_NOT_CANCELLABLE");
        assertProblem(api.post("/api/v1/returns/" + returnId + "/receipts",
                        receipt("RCPT-Y", "DC-EAST", received(TestOrders.line(order, 1), 1))),
                HttpStatus.UNPROCESSABLE_ENTITY, "RECEIVED_QUANTITY_EXCEEDS_AUTHORIZED");
        // the return's process keeps adding its own events meanwhile; the refused commands added none
        assertThat(eventsOf(returnId, "ReturnCancelled")).isZero();
        assertThat(eventsOf(returnId, "ReturnItemsReceived")).isEqualTo(1);
    }

    @Test
    void a_cancelled_return_gives_its_quantities_back_and_shows_cancelled() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webOrderOfFive(clock.instant()));
        String socks = TestOrders.line(order, 1);
        String returnId = authorizedReturn(order, line(socks, 5, "SIZE_OR_FIT"));

        JsonNode cancelled = api.post("/api/v1/returns/" + returnId + "/cancellation",
                java.util.Map.of("reason", "kept the socks")).getBody();

        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        awaitView(returnId, v -> "CANCELLED".equals(v.path("status").asText()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%ReturnQuantitiesReleased'",
                Integer.class, order.orderId()) == 1);
        assertThat(api.requestReturn(key(), webReturn(order.orderId(), line(socks, 5, "SIZE_OR_FIT"))).getBody()
                .path("status").asText()).isEqualTo("AUTHORIZED");
    }

    @Test
    void the_search_finds_returns_by_order_and_status_newest_first() {
        OrderSnapshot order = registeredCopy(orderSystem, DemoOrders.webApparelOrder(clock.instant()));
        String first = authorizedReturn(order, line(TestOrders.line(order, 1), 1, "SIZE_OR_FIT"));
        String second = authorizedReturn(order, line(TestOrders.line(order, 2), 1, "SIZE_OR_FIT"));

        // both views have caught up with the authorization (a view starts at REQUESTED)
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/returns?orderId=" + order.orderId()
                + "&status=AUTHORIZED").getBody().path("totalElements").asInt() == 2);
        JsonNode page = api.get("/api/v1/returns?orderId=" + order.orderId() + "&status=AUTHORIZED&size=1").getBody();

        assertThat(page.path("totalElements").asInt()).isEqualTo(2);
        assertThat(page.path("content")).hasSize(1);
        assertThat(page.path("content").get(0).path("returnId").asText()).isIn(first, second);
    }

    private String authorizedReturn(OrderSnapshot order, Object... lines) {
        JsonNode answer = api.requestReturn(key(), webReturn(order.orderId(), lines)).getBody();
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("AUTHORIZED");
        return answer.path("returnId").asText();
    }

    private JsonNode awaitView(String returnId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<JsonNode> view = api.get("/api/v1/returns/" + returnId);
            return view.getStatusCode().is2xxSuccessful() ? view.getBody() : null;
        }, view -> view != null && condition.test(view));
    }

    private static JsonNode lineOf(JsonNode view, String orderLineId) {
        for (JsonNode line : view.path("lines")) {
            if (orderLineId.equals(line.path("orderLineId").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line " + orderLineId + " in " + view);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
    }

    private int eventCount(String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Integer.class,
                "io.omnireturns.api.returns.event." + eventType);
    }

    private int eventsOf(String returnId, String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?",
                Integer.class, returnId, "io.omnireturns.api.returns.event." + eventType);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
