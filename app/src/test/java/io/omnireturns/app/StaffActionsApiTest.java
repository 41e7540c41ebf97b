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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.omnireturns.app.ApiClient.inspected;
import static io.omnireturns.app.ApiClient.inspection;
import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.receipt;
import static io.omnireturns.app.ApiClient.received;
import static io.omnireturns.app.ApiClient.webReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff actions through the public API on real (embedded) PostgreSQL: manual hold, decline, goodwill and notes,
 * each allowed for its roles, refused for others, and refusing bad input without changing anything.
 */
@AppIntegrationTest
class StaffActionsApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orderSystem;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ApiClient agent;

    @BeforeEach
    void client() {
        agent = new ApiClient(rest).as("service-agent");
    }

    @Test
    void an_agent_puts_a_return_on_hold_by_hand_and_resumes_it() {
        String returnId = authorizedReturn(fresh(), "SIZE_OR_FIT");

        JsonNode held = agent.post(path(returnId, "holds"), Map.of("reason", "customer disputes the parcel")).getBody();

        assertThat(held.path("status").asText()).isEqualTo("ON_HOLD");
        JsonNode view = awaitView(returnId, v -> "ON_HOLD".equals(v.path("status").asText()));
        assertThat(view.path("hold").path("reason").asText()).isEqualTo("MANUAL");
        assertThat(view.path("hold").path("detail").asText())
                .isEqualTo("customer disputes the parcel (held by service-agent)");
        assertProblem(agent.post(path(returnId, "holds"), Map.of("reason", "again")),
                HttpStatus.CONFLICT, "RETURN_ALREADY_ON_HOLD");
        JsonNode resumed = agent.post(path(returnId, "hold-resolutions"),
                Map.of("decision", "RESUME", "reason", "parcel found")).getBody();
        assertThat(resumed.path("status").asText()).isIn("AUTHORIZED", "IN_TRANSIT");
    }

    @Test
    void a_hold_is_refused_to_finance_and_without_a_reason() {
        String returnId = authorizedReturn(fresh(), "SIZE_OR_FIT");

        assertProblem(agent.as("finance").post(path(returnId, "holds"), Map.of("reason", "x")),
                HttpStatus.FORBIDDEN, "ACCESS_DENIED");
        assertProblem(agent.post(path(returnId, "holds"), Map.of("reason", " ")),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(eventsOf(returnId, "ReturnPutOnHold")).isZero();
    }

    @Test
    void a_declined_return_ends_rejected_tells_the_customer_and_gives_its_quantities_back() {
        OrderSnapshot order = fresh();
        String returnId = authorizedReturn(order, "SIZE_OR_FIT");

        JsonNode declined = agent.post(path(returnId, "decline"), Map.of("reasonCode", "NOT_RETURNABLE")).getBody();

        assertThat(declined.path("status").asText()).isEqualTo("REJECTED");
        JsonNode view = awaitView(returnId, v -> "REJECTED".equals(v.path("status").asText()));
        assertThat(timeline(view)).anyMatch(entry -> entry.equals("Declined by service-agent: NOT_RETURNABLE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("SELECT convert_from(payload, 'UTF8') "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%CustomerNotified'",
                String.class, returnId).stream().anyMatch(payload -> payload.contains("REJECTED"))
                && jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%ReturnQuantitiesReleased'", Integer.class, order.orderId()) == 1);
        // the same decline again is harmless; another one finds the return over
        assertThat(agent.post(path(returnId, "decline"), Map.of("reasonCode", "NOT_RETURNABLE")).getBody()
                .path("status").asText()).isEqualTo("REJECTED");
        assertProblem(agent.post(path(returnId, "decline"), Map.of("reasonCode", "SUSPECTED_FRAUD")),
                HttpStatus.CONFLICT, "RETURN_IS_TERMINAL");
        assertThat(eventsOf(returnId, "ReturnDeclined")).isEqualTo(1);
    }

    @Test
    void a_decline_is_refused_to_the_warehouse_for_other_without_a_note_and_for_an_unknown_reason_code() {
        String returnId = authorizedReturn(fresh(), "SIZE_OR_FIT");

        assertProblem(agent.as("warehouse").post(path(returnId, "decline"), Map.of("reasonCode", "NOT_RETURNABLE")),
                HttpStatus.FORBIDDEN, "ACCESS_DENIED");
        assertProblem(agent.post(path(returnId, "decline"), Map.of("reasonCode", "OTHER")),
                HttpStatus.BAD_REQUEST, "NOTE_REQUIRED");
        assertProblem(agent.post(path(returnId, "decline"), Map.of("reasonCode", "I_SAY_SO")),
                HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        assertThat(eventsOf(returnId, "ReturnDeclined")).isZero();
        assertThat(agent.post(path(returnId, "decline"), Map.of("reasonCode", "OTHER", "note", "duplicate of RET-9"))
                .getBody().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void goodwill_waives_the_deductions_of_the_refund_and_shows_as_an_override_in_the_timeline_and_the_history() {
        OrderSnapshot order = fresh();
        String jacket = TestOrders.line(order, 1);
        String returnId = authorizedReturn(order, "CHANGED_MIND");

        assertThat(agent.post(path(returnId, "goodwill"), Map.of("reason", "worn once, loyal customer")).getBody()
                .path("status").asText()).isIn("AUTHORIZED", "IN_TRANSIT");
        agent.as("warehouse").post(path(returnId, "receipts"), receipt("RCPT-G", "DC-EAST", received(jacket, 1)));
        agent.as("warehouse").post(path(returnId, "inspections"),
                inspection("INSP-G", inspected(jacket, 1, 0, "USED", "REFURBISH")));

        JsonNode view = awaitView(returnId, v -> v.path("refund").path("approvedTotal").hasNonNull("minor"));
        // 89.95 + 17.99 tax in full: no 15% for USED, no 10% restocking fee for a change of mind
        assertThat(view.path("refund").path("approvedTotal").path("minor").asLong()).isEqualTo(10794);
        assertThat(view.path("refund").path("restockingFees").path("minor").asLong()).isZero();
        assertThat(timeline(view)).anyMatch(entry -> entry.equals("Goodwill exception by service-agent, policy "
                + "overridden (DEDUCTIONS_WAIVED): worn once, loyal customer"));
        JsonNode history = agent.as("auditor").get(path(returnId, "history")).getBody();
        JsonNode granted = eventOf(history, "GoodwillGranted");
        assertThat(granted.path("actor").asText()).isEqualTo("service-agent");
        assertThat(granted.path("payload").path("override").asText()).isEqualTo("DEDUCTIONS_WAIVED");
        assertThat(granted.path("payload").path("reason").asText()).isEqualTo("worn once, loyal customer");
    }

    @Test
    void goodwill_is_refused_to_a_store_associate_without_a_reason_and_once_the_refund_is_decided() {
        OrderSnapshot order = fresh();
        String jacket = TestOrders.line(order, 1);
        String returnId = authorizedReturn(order, "SIZE_OR_FIT");

        assertProblem(agent.as("store-001").post(path(returnId, "goodwill"), Map.of("reason", "x")),
                HttpStatus.FORBIDDEN, "ACCESS_DENIED");
        assertProblem(agent.post(path(returnId, "goodwill"), Map.of()), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        agent.as("warehouse").post(path(returnId, "receipts"), receipt("RCPT-L", "DC-EAST", received(jacket, 1)));
        agent.as("warehouse").post(path(returnId, "inspections"),
                inspection("INSP-L", inspected(jacket, 1, 0, "NEW", "RESTOCK")));
        awaitView(returnId, v -> v.path("refund").path("approvedTotal").hasNonNull("minor"));

        assertProblem(agent.post(path(returnId, "goodwill"), Map.of("reason", "too late")),
                HttpStatus.CONFLICT, "REFUND_ALREADY_APPROVED");
        assertProblem(agent.post(path(returnId, "decline"), Map.of("reasonCode", "SUSPECTED_FRAUD")),
                HttpStatus.CONFLICT, "RETURN_NOT_DECLINABLE");
        assertThat(eventsOf(returnId, "GoodwillGranted")).isZero();
        assertThat(eventsOf(returnId, "ReturnDeclined")).isZero();
    }

    @Test
    void a_note_is_kept_as_written_once_per_key_and_shows_in_the_view_and_the_history() {
        String returnId = authorizedReturn(fresh(), "SIZE_OR_FIT");
        String text = "<b>Customer</b> says: \"<script>alert(1)</script>\" & wants a call\nbefore 5pm";

        JsonNode answer = agent.post(path(returnId, "notes"), "NOTE-A", Map.of("text", text)).getBody();
        JsonNode again = agent.post(path(returnId, "notes"), "NOTE-A", Map.of("text", text)).getBody();

        assertThat(answer.path("noteId").asText()).isEqualTo("NOTE-A");
        assertThat(again.path("noteId").asText()).isEqualTo("NOTE-A");
        assertThat(eventsOf(returnId, "ReturnNoteAdded")).isEqualTo(1);
        JsonNode view = awaitView(returnId, v -> v.path("notes").size() == 1);
        assertThat(view.path("notes").get(0).path("text").asText()).isEqualTo(text);
        assertThat(view.path("notes").get(0).path("author").asText()).isEqualTo("service-agent");
        assertThat(timeline(view)).contains("Note by service-agent");
        JsonNode noted = eventOf(agent.as("auditor").get(path(returnId, "history")).getBody(), "ReturnNoteAdded");
        assertThat(noted.path("payload").path("text").asText()).isEqualTo(text);
        // warehouse and finance write notes too
        assertThat(agent.as("warehouse").post(path(returnId, "notes"), "NOTE-W", Map.of("text", "box dented"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(agent.as("finance").post(path(returnId, "notes"), "NOTE-F", Map.of("text", "checked"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_note_is_refused_to_the_auditor_to_another_store_without_a_key_and_with_a_reused_key() {
        String returnId = authorizedReturn(fresh(), "SIZE_OR_FIT");
        agent.post(path(returnId, "notes"), "NOTE-B", Map.of("text", "first"));

        assertProblem(agent.as("auditor").post(path(returnId, "notes"), "NOTE-X", Map.of("text", "x")),
                HttpStatus.FORBIDDEN, "ACCESS_DENIED");
        assertProblem(agent.as("store-002").post(path(returnId, "notes"), "NOTE-S", Map.of("text", "x")),
                HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND");
        assertProblem(agent.post(path(returnId, "notes"), null, Map.of("text", "x")),
                HttpStatus.BAD_REQUEST, "MISSING_HEADER");
        assertProblem(agent.post(path(returnId, "notes"), "NOTE-B", Map.of("text", "second")),
                HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED");
        assertProblem(agent.post(path(returnId, "notes"), "NOTE-L", Map.of("text", "x".repeat(2001))),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(agent.post(path(returnId, "notes"), "NOTE-C", Map.of("text", "bell\u0007")),
                HttpStatus.BAD_REQUEST, "NOTE_HAS_CONTROL_CHARACTERS");
        assertThat(eventsOf(returnId, "ReturnNoteAdded")).isEqualTo(1);
    }

    private OrderSnapshot fresh() {
        OrderSnapshot order = TestOrders.copyOf(DemoOrders.webApparelOrder(clock.instant()));
        orderSystem.register(order);
        return order;
    }

    private String authorizedReturn(OrderSnapshot order, String reason) {
        JsonNode answer = agent.requestReturn(UUID.randomUUID().toString(),
                webReturn(order.orderId(), line(TestOrders.line(order, 1), 1, reason))).getBody();
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("AUTHORIZED");
        return answer.path("returnId").asText();
    }

    private static String path(String returnId, String action) {
        return "/api/v1/returns/" + returnId + "/" + action;
    }

    private JsonNode awaitView(String returnId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> view = agent.get("/api/v1/returns/" + returnId);
            return view.getStatusCode().is2xxSuccessful() ? view.getBody() : null;
        }, view -> view != null && condition.test(view));
    }

    private static List<String> timeline(JsonNode view) {
        List<String> entries = new ArrayList<>();
        view.path("timeline").forEach(entry -> entries.add(entry.path("description").asText()));
        return entries;
    }

    private static JsonNode eventOf(JsonNode history, String eventType) {
        for (JsonNode event : history.path("events")) {
            if (eventType.equals(event.path("eventType").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + eventType + " in " + history);
    }

    private int eventsOf(String returnId, String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?",
                Integer.class, returnId, "io.omnireturns.api.returns.event." + eventType);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        // the security filter's answers name their charset too
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
    }
}
