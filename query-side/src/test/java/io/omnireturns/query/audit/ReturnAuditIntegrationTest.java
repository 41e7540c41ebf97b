package io.omnireturns.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.query.QuerySideIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.audit.AuditEvent;
import io.omnireturns.api.audit.ReturnHistory;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.SHOES;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
import static io.omnireturns.query.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auditors' endpoints on a real PostgreSQL: events appended to Axon's event store with the metadata a request
 * leaves, read back as a return's history, as its state at chosen instants and as an export of a time range.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = "omnireturns.audit.history-max-events=8")
class ReturnAuditIntegrationTest {

    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);
    /** Each test writes its stories in a year of its own, so ranges and instants never meet another test's. */
    private static final AtomicLong YEAR = new AtomicLong(2040);

    @Autowired
    MockMvc mockMvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_history_lists_every_event_in_order_with_who_acted_and_the_payload_as_stored() throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();

        List<AuditEvent> events = fullHistory(story.returnId);

        assertThat(events).extracting(AuditEvent::sequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(events).extracting(AuditEvent::eventType).containsExactly("ReturnRequested", "ReturnAuthorized",
                "FraudAssessed", "ReturnPutOnHold", "ReturnHoldResolved", "ReturnItemsReceived",
                "ReturnLinesInspected", "ReturnInspectionCompleted", "RefundApproved", "RefundRequested",
                "RefundIssued");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.aggregateId()).isEqualTo(story.returnId);
            assertThat(event.aggregateType()).isEqualTo("ReturnAggregate");
            assertThat(event.payloadType()).isEqualTo("io.omnireturns.api.returns.event." + event.eventType());
            assertThat(event.revision()).isNotBlank();
            assertThat(event.traceId()).isEqualTo(story.traceId);
            assertThat(event.eventId()).isNotBlank();
        });
        assertThat(events).extracting(AuditEvent::globalIndex).isSorted();
        assertThat(events).extracting(AuditEvent::timestamp).containsExactlyElementsOf(story.times);

        AuditEvent hold = events.get(3);
        assertThat(hold.actor()).isEqualTo("fraud-service");
        assertThat(hold.sourceSystem()).isEqualTo("return-process");
        assertThat(hold.correlationId()).isEqualTo(story.holdCorrelationId);
        assertThat(hold.causationId()).isEqualTo("command-" + story.returnId + "-3");
        assertThat(hold.metadata()).containsEntry("actor", "fraud-service").containsKey("traceId");
        assertThat(hold.payload()).isEqualTo(Map.of("returnId", story.returnId, "reason", "FRAUD_REVIEW",
                "system", "FRAUD", "detail", "score 93", "heldFrom", "AUTHORIZED"));

        AuditEvent resolved = events.get(4);
        assertThat(resolved.actor()).isEqualTo("agent-anna");
        assertThat(resolved.sourceSystem()).isEqualTo("crm");
        assertThat(resolved.correlationId()).isNotEqualTo(story.holdCorrelationId);
        assertThat(payload(resolved)).containsEntry("decision", "RESUME").containsEntry("resolvedBy", "agent-anna");

        AuditEvent refund = events.get(10);
        assertThat(refund.actor()).isEqualTo("payment-gateway");
        assertThat(payload(refund)).containsEntry("gatewayReference", "PSP-778")
                .containsEntry("amount", Map.of("minor", 3000, "currency", "EUR"));
    }

    @Test
    void a_long_history_comes_in_parts_that_say_where_to_continue() throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();

        ReturnHistory first = history(story.returnId, "");
        assertThat(first.events()).hasSize(8);
        assertThat(first.complete()).isFalse();
        assertThat(first.nextSequenceNumber()).isEqualTo(8L);

        ReturnHistory rest = history(story.returnId, "?fromSequenceNumber=8");
        assertThat(rest.events()).extracting(AuditEvent::sequenceNumber).containsExactly(8L, 9L, 10L);
        assertThat(rest.complete()).isTrue();
        assertThat(rest.nextSequenceNumber()).isNull();

        ReturnHistory beyond = history(story.returnId, "?fromSequenceNumber=99");
        assertThat(beyond.events()).isEmpty();
        assertThat(beyond.complete()).isTrue();
    }

    @Test
    void the_history_of_an_unknown_return_is_a_not_found_problem() throws Exception {
        mockMvc.perform(get("/api/v1/returns/{id}/history", "R-never-requested"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("RETURN_NOT_FOUND"));
    }

    @Test
    void the_state_as_of_an_instant_is_the_return_before_the_hold_during_it_and_after_the_partial_refund()
            throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();

        ReturnStatusView beforeTheHold = stateAsOf(story.returnId, story.times.get(3).minusSeconds(1));
        assertThat(beforeTheHold.status()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThat(beforeTheHold.hold()).isNull();
        assertThat(beforeTheHold.version()).isEqualTo(2);
        assertThat(system(beforeTheHold, ExternalSystem.FRAUD).state()).isEqualTo("REVIEW");
        assertThat(beforeTheHold.updatedAt()).isEqualTo(story.times.get(2));

        ReturnStatusView atTheHold = stateAsOf(story.returnId, story.times.get(3));
        assertThat(atTheHold.status()).as("an event at the very instant counts").isEqualTo(ReturnStatus.ON_HOLD);

        ReturnStatusView duringTheHold = stateAsOf(story.returnId, story.times.get(3).plus(Duration.ofMinutes(30)));
        assertThat(duringTheHold.status()).isEqualTo(ReturnStatus.ON_HOLD);
        assertThat(duringTheHold.hold().reason()).isEqualTo(HoldReason.FRAUD_REVIEW);
        assertThat(duringTheHold.hold().heldFrom()).isEqualTo(ReturnStatus.AUTHORIZED);
        assertThat(duringTheHold.hold().since()).isEqualTo(story.times.get(3));
        assertThat(duringTheHold.version()).isEqualTo(3);
        assertThat(duringTheHold.refund().refundedTotal()).isEqualTo(eur(0));

        ReturnStatusView afterTheRefund = stateAsOf(story.returnId, story.times.get(10).plus(Duration.ofDays(1)));
        assertThat(afterTheRefund.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(afterTheRefund.hold()).isNull();
        assertThat(afterTheRefund.version()).isEqualTo(10);
        assertThat(afterTheRefund.refund().approvedTotal()).as("one shirt of two, the shoes never came")
                .isEqualTo(eur(3000));
        assertThat(afterTheRefund.refund().refundedTotal()).isEqualTo(eur(3000));
        assertThat(afterTheRefund.refund().gatewayReference()).isEqualTo("PSP-778");
        assertThat(afterTheRefund.timeline()).hasSize(11);
    }

    @Test
    void the_state_as_of_the_last_event_is_exactly_the_live_status_view() throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();
        JsonNode live = await().atMost(PROJECTION_TIMEOUT).until(() -> liveViewOrNull(story.returnId),
                view -> view != null && view.get("version").asLong() == 10);

        String asOf = stateAsOfJson(story.returnId, story.times.get(10));

        assertThat(objectMapper.readTree(asOf)).isEqualTo(live);
    }

    @Test
    void the_state_before_the_first_event_and_of_an_unknown_return_are_not_found() throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();

        mockMvc.perform(get("/api/v1/returns/{id}/state", story.returnId)
                        .param("asOf", story.times.get(0).minusMillis(1).toString()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RETURN_NOT_FOUND_AT_INSTANT"));
        mockMvc.perform(get("/api/v1/returns/{id}/state", "R-never-requested").param("asOf", "2030-01-01T00:00:00Z"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RETURN_NOT_FOUND"));
    }

    @Test
    void an_instant_that_is_missing_or_not_iso_8601_is_a_bad_request() throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();

        mockMvc.perform(get("/api/v1/returns/{id}/state", story.returnId))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MISSING_PARAMETER"));
        for (String invalid : List.of("yesterday", "2026-11-27", "2026-11-27T10:15:30", "2026-13-01T00:00:00Z")) {
            mockMvc.perform(get("/api/v1/returns/{id}/state", story.returnId).param("asOf", invalid))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        }
        mockMvc.perform(get("/api/v1/returns/{id}/state", story.returnId)
                        .param("asOf", story.times.get(3).atOffset(ZoneOffset.ofHours(2)).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_HOLD"));
    }

    @Test
    void an_event_stored_under_an_older_revision_is_shown_as_stored_and_read_in_its_current_shape()
            throws Exception {
        HeldAndPartlyRefunded story = heldAndPartlyRefunded();
        Instant notifiedAt = story.times.get(10).plus(Duration.ofMinutes(5));
        // as the command side stored it before CustomerNotified's revision 2 renamed notificationChannel to channel
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 11, 'ReturnAggregate', ?, ?, ?, '1', 'io.omnireturns.api.returns.event.CustomerNotified', ?)
                """, story.returnId, UUID.randomUUID().toString(),
                "{\"actor\":\"return-process\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"returnId\":\"" + story.returnId + "\",\"milestone\":\"REFUNDED\",\"notificationChannel\":\"EMAIL\"}")
                        .getBytes(StandardCharsets.UTF_8),
                notifiedAt.toString());

        AuditEvent stored = fullHistory(story.returnId).get(11);
        assertThat(stored.revision()).isEqualTo("1");
        assertThat(payload(stored)).containsEntry("notificationChannel", "EMAIL").doesNotContainKey("channel");

        ReturnStatusView notified = stateAsOf(story.returnId, notifiedAt);
        assertThat(system(notified, ExternalSystem.CRM))
                .extracting(SystemStateView::state, SystemStateView::detail)
                .containsExactly("NOTIFIED", "by EMAIL");
    }

    @Test
    void the_export_streams_only_the_events_of_the_range_in_global_order_as_json_lines() throws Exception {
        Instant from = yearStart();
        Instant to = from.plus(Duration.ofDays(2));
        String first = newId("R");
        String second = newId("R");
        AuditedStory firstStory = new AuditedStory(eventStore, first, from.minus(Duration.ofMinutes(1)));
        AuditedStory secondStory = new AuditedStory(eventStore, second, from.plus(Duration.ofHours(1)));
        // before the range, at its very start, then the two returns interleaved, the last exactly at its end
        firstStory.then(requested(first, newId("O"), "C-1", SalesChannel.WEB, null),
                authorizedInFull(first));
        secondStory.then(requested(second, newId("O"), "C-2", SalesChannel.STORE, "S-9"));
        firstStory.after(Duration.ofDays(1)).by("carrier", "webhook")
                .then(new ReturnParcelInTransit(first, "DHL", "JJD01"));
        secondStory.then(authorizedInFull(second));
        String late = newId("R");
        new AuditedStory(eventStore, late, to).then(requested(late, newId("O"), "C-3", SalesChannel.WEB, null));
        List<Long> inRange = new ArrayList<>();

        MvcResult result = mockMvc.perform(get("/api/v1/audit/events")
                        .param("from", from.toString()).param("to", to.toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON))
                .andReturn();
        List<AuditEvent> lines = lines(result);

        assertThat(lines).extracting(event -> event.aggregateId() + "#" + event.sequenceNumber())
                .containsExactly(first + "#1", second + "#0", first + "#2", second + "#1");
        assertThat(lines).extracting(AuditEvent::globalIndex).isSorted().doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(event -> assertThat(event.timestamp()).isBetween(from, to.minusMillis(1)));
        AuditEvent inTransit = lines.get(2);
        assertThat(inTransit.eventType()).isEqualTo("ReturnParcelInTransit");
        assertThat(inTransit.actor()).isEqualTo("carrier");
        assertThat(inTransit.sourceSystem()).isEqualTo("webhook");
        assertThat(inTransit.correlationId()).isEqualTo(firstStory.correlationId());
        assertThat(payload(inTransit)).containsEntry("trackingNumber", "JJD01");
        lines.forEach(event -> inRange.add(event.globalIndex()));

        MvcResult resumed = mockMvc.perform(get("/api/v1/audit/events").param("from", from.toString())
                        .param("to", to.toString()).param("after", String.valueOf(inRange.get(1))))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(lines(resumed)).extracting(AuditEvent::globalIndex).containsExactlyElementsOf(inRange.subList(2, 4));
    }

    @Test
    void an_export_needs_a_valid_range_of_at_most_31_days() throws Exception {
        expectExportProblem(Map.of("to", "2030-01-02T00:00:00Z"), "MISSING_PARAMETER");
        expectExportProblem(Map.of("from", "2030-01-01T00:00:00Z"), "MISSING_PARAMETER");
        expectExportProblem(Map.of("from", "last week", "to", "2030-01-02T00:00:00Z"), "INVALID_PARAMETER");
        expectExportProblem(Map.of("from", "2030-01-02T00:00:00Z", "to", "2030-01-02T00:00:00Z"), "INVALID_TIME_RANGE");
        expectExportProblem(Map.of("from", "2030-01-02T00:00:00Z", "to", "2030-01-01T00:00:00Z"), "INVALID_TIME_RANGE");
        expectExportProblem(Map.of("from", "2030-01-01T00:00:00Z", "to", "2030-02-01T00:00:01Z"), "TIME_RANGE_TOO_LONG");
        mockMvc.perform(get("/api/v1/audit/events").param("from", "2030-01-01T00:00:00Z")
                        .param("to", "2030-02-01T00:00:00Z"))
                .andExpect(status().isOk());
        mockMvc.perform(get("/api/v1/audit/events").param("from", "2030-01-02T00:00:00Z")
                        .param("to", "2030-01-01T00:00:00Z").accept(MediaType.APPLICATION_NDJSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_TIME_RANGE"));
    }

    private void expectExportProblem(Map<String, String> parameters, String code) throws Exception {
        var request = get("/api/v1/audit/events");
        parameters.forEach(request::param);
        mockMvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }

    /**
     * A web return put on hold for a fraud review, released by an agent two hours later, then received, one of two
     * shirts accepted (the shoes never came) and 30.00 refunded.
     */
    private HeldAndPartlyRefunded heldAndPartlyRefunded() {
        String returnId = newId("R");
        String orderId = newId("O");
        AuditedStory story = new AuditedStory(eventStore, returnId, yearStart().plus(Duration.ofHours(9)));
        List<Instant> times = new ArrayList<>(story.by("web-shop", "api").then(
                requested(returnId, orderId, "C-77", SalesChannel.WEB, null),
                authorizedInFull(returnId)));
        times.addAll(story.by("fraud-service", "return-process").then(
                new FraudAssessed(returnId, 93, true, List.of("velocity")),
                new ReturnPutOnHold(returnId, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 93",
                        ReturnStatus.AUTHORIZED)));
        String holdCorrelationId = story.correlationId();
        times.addAll(story.after(Duration.ofHours(2)).by("agent-anna", "crm").then(
                new ReturnHoldResolved(returnId, orderId, HoldDecision.RESUME, "customer verified", "agent-anna",
                        ReturnStatus.AUTHORIZED)));
        times.addAll(story.after(Duration.ofDays(3)).by("warehouse-7", "wms").then(
                new ReturnItemsReceived(returnId, "RCPT-1", "WH-CENTRAL",
                        List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()),
                new ReturnLinesInspected(returnId, "INSP-1", List.of(new InspectedLine(SHIRTS, 1, 1, Grade.USED,
                        Disposition.RESTOCK, false, "one shirt worn"))),
                new ReturnInspectionCompleted(returnId, orderId, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)),
                        Map.of(SHOES, 1), false)));
        times.addAll(story.by("return-process", "return-process").then(
                oneShirtRefunded(returnId),
                new RefundRequested(returnId, returnId + ":REFUND_PAYMENT", eur(3000))));
        times.addAll(story.by("payment-gateway", "webhook").then(
                new RefundIssued(returnId, "PSP-778", eur(3000))));
        return new HeldAndPartlyRefunded(returnId, story.traceId(), holdCorrelationId, times);
    }

    private record HeldAndPartlyRefunded(String returnId, String traceId, String holdCorrelationId,
                                         List<Instant> times) {
    }

    private List<AuditEvent> fullHistory(String returnId) throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        ReturnHistory part = history(returnId, "");
        events.addAll(part.events());
        while (!part.complete()) {
            part = history(returnId, "?fromSequenceNumber=" + part.nextSequenceNumber());
            events.addAll(part.events());
        }
        return events;
    }

    private ReturnHistory history(String returnId, String query) throws Exception {
        String json = mockMvc.perform(get("/api/v1/returns/" + returnId + "/history" + query))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ReturnHistory.class);
    }

    private ReturnStatusView stateAsOf(String returnId, Instant asOf) throws Exception {
        return objectMapper.readValue(stateAsOfJson(returnId, asOf), ReturnStatusView.class);
    }

    private String stateAsOfJson(String returnId, Instant asOf) throws Exception {
        return mockMvc.perform(get("/api/v1/returns/{id}/state", returnId).param("asOf", asOf.toString()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private JsonNode liveViewOrNull(String returnId) throws Exception {
        MvcResult result = mockMvc.perform(get("/api/v1/returns/{id}", returnId)).andReturn();
        return result.getResponse().getStatus() == 404 ? null
                : objectMapper.readTree(result.getResponse().getContentAsString());
    }

    private List<AuditEvent> lines(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        List<AuditEvent> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            JsonNode node = objectMapper.readTree(line);
            assertThat(node.isObject()).isTrue();
            events.add(objectMapper.treeToValue(node, AuditEvent.class));
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(AuditEvent event) {
        return (Map<String, Object>) event.payload();
    }

    private static SystemStateView system(ReturnStatusView view, ExternalSystem system) {
        return view.systems().stream().filter(state -> state.system() == system).findFirst().orElseThrow();
    }

    private static Instant yearStart() {
        return Instant.parse(YEAR.getAndIncrement() + "-03-01T00:00:00Z");
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
