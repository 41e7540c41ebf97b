package io.omnireturns.command.integration;

import io.omnireturns.command.CommandSideIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed webhooks on real (embedded) PostgreSQL, through the public surface: the return is created with
 * {@code POST /api/v1/returns}, messages arrive at {@code POST /api/v1/integrations/{system}/events}, and
 * what happened is read from the event store and the inbound table.
 */
@CommandSideIntegrationTest
class IntegrationEventControllerTest {

    private static final String CARRIER_SECRET = IntegrationProperties.DEMO_CARRIER_SECRET;
    private static final String PAYMENTS_SECRET = IntegrationProperties.DEMO_PAYMENTS_SECRET;
    private static final String WAREHOUSE_SECRET = IntegrationProperties.DEMO_WAREHOUSE_SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    ParkedEventSweep sweep;

    // ---- applied ---------------------------------------------------------------------------------

    @Test
    void a_signed_warehouse_receipt_is_recorded_and_applied_to_the_return() throws Exception {
        String returnId = requestReturn(DemoOrders.WEB_APPAREL_ORDER_ID);
        String eventId = newEventId();
        String body = receipt(returnId, "RCPT-1", line(DemoOrders.WEB_APPAREL_ORDER_ID, 1), 1);

        deliver("warehouse", eventId, body, WAREHOUSE_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventId").value(eventId))
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.returnId").value(returnId))
                .andExpect(jsonPath("$.returnStatus").value("RECEIVED"));

        assertThat(events(returnId, ReturnItemsReceived.class)).isEqualTo(1);
        Map<String, Object> row = row("WAREHOUSE", eventId);
        assertThat(row).containsEntry("state", "APPLIED").containsEntry("attempts", 1)
                .containsEntry("return_id", returnId).containsEntry("message_type", "RECEIPT")
                .containsEntry("payload_sha256", sha256(body));
        assertThat((byte[]) row.get("body")).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(row.get("received_at")).isNotNull();
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = ?""", String.class, returnId,
                ReturnItemsReceived.class.getName()))
                .as("auditors see which system told us").contains("\"sourceSystem\":\"warehouse\"");
    }

    @Test
    void carrier_scans_put_the_return_in_transit_once_and_a_delivery_is_only_recorded() throws Exception {
        String returnId = requestReturn(freshOrder());

        deliver("carrier", newEventId(), carrier("PARCEL_IN_TRANSIT", returnId), CARRIER_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.returnStatus").value("IN_TRANSIT"));
        // carriers report the same scan again under a new event id: the return treats it as a repeat
        deliver("carrier", newEventId(), carrier("PARCEL_IN_TRANSIT", returnId), CARRIER_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.duplicate").value(false));
        int eventsBeforeDelivery = events(returnId);
        String delivered = newEventId();
        deliver("carrier", delivered, carrier("PARCEL_DELIVERED", returnId), CARRIER_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.returnStatus").doesNotExist());

        assertThat(events(returnId, ReturnParcelInTransit.class)).isEqualTo(1);
        assertThat(events(returnId)).isEqualTo(eventsBeforeDelivery);
        assertThat(row("CARRIER", delivered)).containsEntry("state", "APPLIED").containsEntry("message_type", "PARCEL_DELIVERED");
    }

    // ---- signatures ------------------------------------------------------------------------------

    /** A wrong {@code webhook-signature} for a message with this id, timestamp and body. */
    interface Forgery {
        String header(String id, long timestamp, byte[] body);
    }

    static Stream<Arguments> badSignatures() {
        Forgery missing = (id, ts, body) -> null;
        Forgery empty = (id, ts, body) -> "";
        Forgery otherSystemsSecret = (id, ts, body) -> sign(PAYMENTS_SECRET, id, ts, body);
        Forgery otherBody = (id, ts, body) -> sign(WAREHOUSE_SECRET, id, ts, "{}".getBytes(StandardCharsets.UTF_8));
        Forgery otherId = (id, ts, body) -> sign(WAREHOUSE_SECRET, id + "x", ts, body);
        Forgery otherTimestamp = (id, ts, body) -> sign(WAREHOUSE_SECRET, id, ts - 1, body);
        Forgery bodyOnlyAsBefore = (id, ts, body) -> "sha256=" + HexFormat.of().formatHex(
                hmac(keyOf(WAREHOUSE_SECRET), body));
        Forgery withoutVersion = (id, ts, body) -> sign(WAREHOUSE_SECRET, id, ts, body).substring(3);
        Forgery asymmetricVersion = (id, ts, body) -> "v1a," + sign(WAREHOUSE_SECRET, id, ts, body).substring(3);
        Forgery truncated = (id, ts, body) -> sign(WAREHOUSE_SECRET, id, ts, body).substring(0, 30);
        Forgery secretAsText = (id, ts, body) -> "v1," + Base64.getEncoder().encodeToString(hmac(
                WAREHOUSE_SECRET.getBytes(StandardCharsets.UTF_8), (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8), body));
        return Stream.of(Arguments.of("missing", missing), Arguments.of("empty", empty),
                Arguments.of("another system's secret", otherSystemsSecret),
                Arguments.of("signature of another body", otherBody), Arguments.of("signature of another id", otherId),
                Arguments.of("signature of another timestamp", otherTimestamp),
                Arguments.of("the old body-only scheme", bodyOnlyAsBefore), Arguments.of("without v1,", withoutVersion),
                Arguments.of("v1a instead of v1", asymmetricVersion), Arguments.of("truncated", truncated),
                Arguments.of("keyed with the whsec_ text instead of its bytes", secretAsText));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void a_missing_or_wrong_signature_is_refused_and_nothing_is_recorded(String name, Forgery forgery)
            throws Exception {
        String returnId = requestReturn(freshOrder());
        int eventsBefore = events(returnId);
        String eventId = newEventId();
        long now = now();
        byte[] body = receipt(returnId, "RCPT-1", line(orderOf(returnId), 1), 1).getBytes(StandardCharsets.UTF_8);

        mvc.perform(webhook("warehouse", eventId, Long.toString(now), body, forgery.header(eventId, now, body)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "StandardWebhooks realm=\"warehouse\""))
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));

        assertThat(rows(eventId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_integration_event WHERE return_id = ?",
                Integer.class, returnId)).isZero();
        assertThat(events(returnId)).isEqualTo(eventsBefore);
    }

    @Test
    void a_signature_among_others_in_the_header_is_enough() throws Exception {
        String returnId = requestReturn(freshOrder());
        String eventId = newEventId();
        long now = now();
        byte[] body = carrier("PARCEL_IN_TRANSIT", returnId).getBytes(StandardCharsets.UTF_8);

        // a sender in the middle of a rotation signs with both its secrets; we hold only one of them
        mvc.perform(webhook("carrier", eventId, Long.toString(now), body,
                        sign(PAYMENTS_SECRET, eventId, now, body) + " " + sign(CARRIER_SECRET, eventId, now, body)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"));
    }

    static Stream<Arguments> timestampsOutsideTheTolerance() {
        // ten seconds past the edge, so a clock that ticks between signing and checking cannot make it pass
        return Stream.of(Arguments.of("five minutes and ten seconds old", -310), Arguments.of("an hour old", -3600),
                Arguments.of("five minutes and ten seconds ahead", 310), Arguments.of("a day ahead", 86_400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timestampsOutsideTheTolerance")
    void a_right_signature_with_a_timestamp_outside_the_tolerance_is_refused_with_its_own_code(String name, long offset)
            throws Exception {
        String returnId = requestReturn(freshOrder());
        String eventId = newEventId();
        long sentAt = now() + offset;
        byte[] body = carrier("PARCEL_IN_TRANSIT", returnId).getBytes(StandardCharsets.UTF_8);

        mvc.perform(webhook("carrier", eventId, Long.toString(sentAt), body, sign(CARRIER_SECRET, eventId, sentAt, body)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.code").value("TIMESTAMP_OUT_OF_TOLERANCE"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("300 seconds")));

        assertThat(rows(eventId)).isZero();
        assertThat(events(returnId, ReturnParcelInTransit.class)).isZero();
    }

    @Test
    void a_captured_request_sent_again_within_the_tolerance_is_a_duplicate_that_changes_nothing() throws Exception {
        String orderId = freshOrder();
        String returnId = requestReturn(orderId);
        String eventId = newEventId();
        long now = now();
        byte[] body = receipt(returnId, "RCPT-1", line(orderId, 1), 1).getBytes(StandardCharsets.UTF_8);
        String signature = sign(WAREHOUSE_SECRET, eventId, now, body);

        mvc.perform(webhook("warehouse", eventId, Long.toString(now), body, signature))
                .andExpect(jsonPath("$.duplicate").value(false));
        mvc.perform(webhook("warehouse", eventId, Long.toString(now), body, signature))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(events(returnId, ReturnItemsReceived.class)).isEqualTo(1);
    }

    @Test
    void a_partner_may_add_fields_we_do_not_know_and_needs_no_api_credentials() throws Exception {
        String returnId = requestReturn(freshOrder());
        String body = """
                {"type": "PARCEL_IN_TRANSIT", "returnId": "%s", "carrier": "DHL", "trackingNumber": "JD0146000012345",
                 "occurredAt": "2025-03-01T09:30:00Z", "hubCode": "LEJ-7", "scan": {"operator": "u-12"}}"""
                .formatted(returnId);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String eventId = newEventId();
        long now = now();

        // anonymous: the signature is the partner's credential, not a user of the API
        mvc.perform(webhook("carrier", eventId, Long.toString(now), bytes, sign(CARRIER_SECRET, eventId, now, bytes))
                        .with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.returnStatus").value("IN_TRANSIT"));
    }

    @Test
    void the_signature_is_checked_before_the_body() throws Exception {
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        String eventId = newEventId();
        long now = now();

        mvc.perform(webhook("warehouse", eventId, Long.toString(now), notJson,
                        sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), eventId, now, notJson)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
    }

    @Test
    void a_form_encoded_body_is_refused_as_unsupported_before_anything_is_recorded() throws Exception {
        String returnId = requestReturn(freshOrder());
        String eventId = newEventId();
        byte[] body = carrier("PARCEL_IN_TRANSIT", returnId).getBytes(StandardCharsets.UTF_8);
        long now = now();

        // the container would parse a form body into parameters, and the bytes handed over would not be those signed
        mvc.perform(webhook("carrier", eventId, Long.toString(now), body, sign(CARRIER_SECRET, eventId, now, body))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_integration_event WHERE event_id = ?",
                Integer.class, eventId)).isZero();
        // with a charset parameter it is JSON all the same
        mvc.perform(webhook("carrier", eventId, Long.toString(now), body, sign(CARRIER_SECRET, eventId, now, body))
                        .contentType("application/json; charset=utf-8"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.returnStatus").value("IN_TRANSIT"));
    }

    static Stream<Arguments> badSignatureHeaders() {
        return Stream.of(
                Arguments.of("no webhook-id", null, "1700000000", "MISSING_HEADER"),
                Arguments.of("no webhook-timestamp", "evt-1", null, "MISSING_HEADER"),
                Arguments.of("a webhook-id with a dot", "evt.1", "1700000000", "VALIDATION_FAILED"),
                Arguments.of("a webhook-id with a space", "evt 1", "1700000000", "VALIDATION_FAILED"),
                Arguments.of("a webhook-id of 201 characters", "e".repeat(201), "1700000000", "VALIDATION_FAILED"),
                Arguments.of("a timestamp in milliseconds' clothing", "evt-1", "1700000000.5", "VALIDATION_FAILED"),
                Arguments.of("an ISO timestamp", "evt-1", "2025-03-01T09:30:00Z", "VALIDATION_FAILED"),
                Arguments.of("a negative timestamp", "evt-1", "-1700000000", "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatureHeaders")
    void a_signed_request_without_a_usable_id_or_timestamp_is_refused_and_not_recorded(String name, String webhookId,
                                                                                     String timestamp, String code)
            throws Exception {
        String returnId = requestReturn(freshOrder());
        byte[] body = carrier("PARCEL_IN_TRANSIT", returnId).getBytes(StandardCharsets.UTF_8);

        mvc.perform(webhook("carrier", webhookId, timestamp, body, "v1,bm9wZQ=="))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(code));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_integration_event WHERE return_id = ?",
                Integer.class, returnId)).isZero();
        assertThat(events(returnId, ReturnParcelInTransit.class)).isZero();
    }

    // ---- deduplication ---------------------------------------------------------------------------

    @Test
    void the_same_event_id_again_gets_the_first_outcome_and_sends_no_second_command() throws Exception {
        String orderId = freshOrder();
        String returnId = requestReturn(orderId);
        String eventId = newEventId();
        String first = receipt(returnId, "RCPT-1", line(orderId, 1), 1);

        deliver("warehouse", eventId, first, WAREHOUSE_SECRET).andExpect(status().isOk());
        // a second receipt would be taken (two jackets are authorized), so only the dedup can keep it out
        deliver("warehouse", eventId, receipt(returnId, "RCPT-2", line(orderId, 1), 1), WAREHOUSE_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventId").value(eventId))
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(events(returnId, ReturnItemsReceived.class)).isEqualTo(1);
        assertThat(row("WAREHOUSE", eventId)).containsEntry("attempts", 1).containsEntry("payload_sha256", sha256(first));
    }

    @Test
    void concurrent_deliveries_of_one_event_id_are_applied_exactly_once() throws Exception {
        String orderId = freshOrder();
        String returnId = requestReturn(orderId);
        String eventId = newEventId();
        int senders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<MvcResult>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                // different receipt ids: were any repeat sent on, the return would take it as another receipt
                String body = receipt(returnId, "RCPT-" + i, line(orderId, 1), 1);
                Callable<MvcResult> send = () -> {
                    start.await();
                    return deliver("warehouse", eventId, body, WAREHOUSE_SECRET).andReturn();
                };
                answers.add(pool.submit(send));
            }
            start.countDown();
            List<JsonNode> bodies = new ArrayList<>();
            for (Future<MvcResult> answer : answers) {
                MvcResult result = answer.get();
                assertThat(result.getResponse().getStatus()).isEqualTo(200);
                bodies.add(JSON.readTree(result.getResponse().getContentAsString()));
            }
            assertThat(bodies).filteredOn(body -> !body.path("duplicate").asBoolean()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows(eventId)).isEqualTo(1);
        assertThat(events(returnId, ReturnItemsReceived.class)).isEqualTo(1);
    }

    // ---- out of order ----------------------------------------------------------------------------

    @Test
    void an_inspection_that_arrives_before_its_receipt_is_parked_and_applied_when_the_receipt_arrives() throws Exception {
        String orderId = freshOrder();
        String returnId = requestReturn(orderId);
        String inspectionEvent = newEventId();

        deliver("warehouse", inspectionEvent, inspection(returnId, "INSP-1", line(orderId, 1)), WAREHOUSE_SECRET)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("PARKED"))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        assertThat(events(returnId, ReturnLinesInspected.class)).isZero();
        assertThat(row("WAREHOUSE", inspectionEvent)).containsEntry("state", "PARKED")
                .containsEntry("last_error_code", "ILLEGAL_TRANSITION");

        deliver("warehouse", newEventId(), receipt(returnId, "RCPT-1", line(orderId, 1), 1), WAREHOUSE_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"));

        assertThat(events(returnId, ReturnLinesInspected.class)).isEqualTo(1);
        assertThat(row("WAREHOUSE", inspectionEvent)).containsEntry("state", "APPLIED").containsEntry("attempts", 2);
        // a repeat of the parked message now tells its final state
        deliver("warehouse", inspectionEvent, inspection(returnId, "INSP-1", line(orderId, 1)), WAREHOUSE_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPLIED"))
                .andExpect(jsonPath("$.duplicate").value(true));
    }

    @Test
    void a_parked_message_is_applied_by_the_sweep_once_the_return_moved_on_through_the_command_api() throws Exception {
        String orderId = freshOrder();
        String returnId = requestReturn(orderId);
        String inspectionEvent = newEventId();
        deliver("warehouse", inspectionEvent, inspection(returnId, "INSP-1", line(orderId, 1)), WAREHOUSE_SECRET)
                .andExpect(status().isAccepted());

        sweep.sweep();
        assertThat(row("WAREHOUSE", inspectionEvent)).as("nothing happened to the return: not even tried")
                .containsEntry("state", "PARKED").containsEntry("attempts", 1);

        mvc.perform(post("/api/v1/returns/{returnId}/receipts", returnId).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"receiptId": "RCPT-REST", "locationId": "DC-EAST",
                                 "lines": [{"orderLineId": "%s", "quantity": 1}]}""".formatted(line(orderId, 1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        sweep.sweep();

        assertThat(row("WAREHOUSE", inspectionEvent)).containsEntry("state", "APPLIED").containsEntry("attempts", 2);
        assertThat(events(returnId, ReturnLinesInspected.class)).isEqualTo(1);
    }

    @Test
    void a_settlement_before_the_refund_was_issued_is_parked() throws Exception {
        String returnId = requestReturn(freshOrder());
        int eventsBefore = events(returnId);
        String eventId = newEventId();

        deliver("payments", eventId, """
                {"type": "REFUND_SETTLED", "returnId": "%s", "gatewayReference": "PSP-RF-1"}""".formatted(returnId),
                PAYMENTS_SECRET)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("PARKED"))
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));

        assertThat(row("PAYMENTS", eventId)).containsEntry("state", "PARKED");
        assertThat(events(returnId)).isEqualTo(eventsBefore);
    }

    @Test
    void a_refund_failure_for_a_return_that_awaits_no_refund_is_refused_not_parked() throws Exception {
        String returnId = requestReturn(freshOrder());
        int eventsBefore = events(returnId);
        String eventId = newEventId();

        deliver("payments", eventId, """
                {"type": "REFUND_FAILED", "returnId": "%s", "gatewayReference": "PSP-RF-1",
                 "failureCode": "CARD_EXPIRED", "message": "the card has expired"}""".formatted(returnId),
                PAYMENTS_SECRET)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"))
                .andExpect(jsonPath("$.state").value("REJECTED"));

        assertThat(row("PAYMENTS", eventId)).containsEntry("state", "REJECTED");
        assertThat(events(returnId)).isEqualTo(eventsBefore);
    }

    // ---- refusals --------------------------------------------------------------------------------

    @Test
    void an_unknown_system_is_not_found_and_nothing_is_recorded() throws Exception {
        String eventId = newEventId();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        long now = now();

        mvc.perform(webhook("erp", eventId, Long.toString(now), body, sign(WAREHOUSE_SECRET, eventId, now, body)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_INTEGRATION"));
        assertThat(rows(eventId)).isZero();
    }

    @Test
    void a_message_for_an_unknown_return_is_rejected_and_its_repeat_says_so() throws Exception {
        String returnId = UUID.randomUUID().toString();
        String eventId = newEventId();
        String body = receipt(returnId, "RCPT-1", "ORD-1001-L1", 1);

        deliver("warehouse", eventId, body, WAREHOUSE_SECRET)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("UNKNOWN_RETURN"))
                .andExpect(jsonPath("$.eventId").value(eventId))
                .andExpect(jsonPath("$.state").value("REJECTED"));
        assertThat(row("WAREHOUSE", eventId)).containsEntry("state", "REJECTED")
                .containsEntry("last_error_code", "UNKNOWN_RETURN");

        deliver("warehouse", eventId, body, WAREHOUSE_SECRET)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REJECTED"))
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.code").value("UNKNOWN_RETURN"));
        assertThat(events(returnId)).isZero();
    }

    @Test
    void any_other_refusal_of_the_return_is_final_and_answered_with_its_code() throws Exception {
        String orderId = freshOrder();
        String returnId = requestReturn(orderId);
        String eventId = newEventId();

        // the jeans (line 2) are not part of this return
        deliver("warehouse", eventId, receipt(returnId, "RCPT-1", line(orderId, 2), 1), WAREHOUSE_SECRET)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("LINE_NOT_AUTHORIZED"))
                .andExpect(jsonPath("$.state").value("REJECTED"));

        assertThat(row("WAREHOUSE", eventId)).containsEntry("state", "REJECTED")
                .containsEntry("last_error_code", "LINE_NOT_AUTHORIZED");
        assertThat(events(returnId, ReturnItemsReceived.class)).isZero();
    }

    static Stream<Arguments> badBodies() {
        String returnId = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("not JSON", "carrier", "{not json", "MALFORMED_REQUEST"),
                Arguments.of("empty", "carrier", "", "MALFORMED_REQUEST"),
                Arguments.of("no type", "carrier", """
                        {"returnId": "%s", "carrier": "DHL", "trackingNumber": "T1", "occurredAt": "2025-01-01T10:00:00Z"}"""
                        .formatted(returnId), "MALFORMED_REQUEST"),
                Arguments.of("another system's type", "carrier", """
                        {"type": "RECEIPT", "returnId": "%s"}""".formatted(returnId), "MALFORMED_REQUEST"),
                Arguments.of("no tracking number", "carrier", """
                        {"type": "PARCEL_IN_TRANSIT", "returnId": "%s", "carrier": "DHL", "occurredAt": "2025-01-01T10:00:00Z"}"""
                        .formatted(returnId), "VALIDATION_FAILED"),
                Arguments.of("quantity 0", "warehouse", receipt(returnId, "RCPT-1", "ORD-1001-L1", 0), "VALIDATION_FAILED"),
                Arguments.of("unknown grade", "warehouse", """
                        {"type": "INSPECTION", "returnId": "%s", "inspectionId": "I1", "lines": [{"orderLineId": "L1",
                         "acceptedQuantity": 1, "rejectedQuantity": 0, "grade": "SHINY", "disposition": "RESTOCK"}]}"""
                        .formatted(returnId), "MALFORMED_REQUEST"),
                Arguments.of("no gateway reference", "payments", """
                        {"type": "REFUND_SETTLED", "returnId": "%s"}""".formatted(returnId), "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void bad_input_with_a_good_signature_is_refused_and_not_recorded(String name, String system, String body, String code)
            throws Exception {
        String eventId = newEventId();

        deliver(system, eventId, body, secretOf(system))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(code));
        assertThat(rows(eventId)).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String freshOrder() {
        return FreshOrders.copyOfWebApparelOrder(orders);
    }

    /** Two jackets (line 1) and one t-shirt (line 3), as a web shop would ask. */
    private String requestReturn(String orderId) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "lines": [
                                  {"orderLineId": "%1$s-L1", "quantity": 2, "reason": "SIZE_OR_FIT"},
                                  {"orderLineId": "%1$s-L3", "quantity": 1, "reason": "DEFECTIVE"}]}""".formatted(orderId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AUTHORIZED"))
                .andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).path("returnId").asText();
    }

    private String orderOf(String returnId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, returnId)
                .replaceAll("(?s).*\"orderId\":\"([^\"]+)\".*", "$1");
    }

    private static String line(String orderId, int number) {
        return orderId + "-L" + number;
    }

    private static String receipt(String returnId, String receiptId, String orderLineId, int quantity) {
        return """
                {"type": "RECEIPT", "returnId": "%s", "receiptId": "%s", "locationId": "DC-EAST",
                 "lines": [{"orderLineId": "%s", "quantity": %d}]}""".formatted(returnId, receiptId, orderLineId, quantity);
    }

    private static String inspection(String returnId, String inspectionId, String orderLineId) {
        return """
                {"type": "INSPECTION", "returnId": "%s", "inspectionId": "%s",
                 "lines": [{"orderLineId": "%s", "acceptedQuantity": 1, "rejectedQuantity": 0, "grade": "NEW",
                            "disposition": "RESTOCK", "needsManualReview": false, "note": "as new"}]}"""
                .formatted(returnId, inspectionId, orderLineId);
    }

    private static String carrier(String type, String returnId) {
        return """
                {"type": "%s", "returnId": "%s", "carrier": "DHL", "trackingNumber": "JD0146000012345",
                 "occurredAt": "2025-03-01T09:30:00Z"}""".formatted(type, returnId);
    }

    /** Signed as a Standard Webhooks sender signs: now, with the system's secret. */
    private ResultActions deliver(String system, String eventId, String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = now();
        return mvc.perform(webhook(system, eventId, Long.toString(now), bytes, sign(secret, eventId, now, bytes)));
    }

    private static MockHttpServletRequestBuilder webhook(String system, String webhookId, String timestamp, byte[] body,
                                                         String signature) {
        MockHttpServletRequestBuilder request = post("/api/v1/integrations/{system}/events", system)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (webhookId != null) {
            request.header("webhook-id", webhookId);
        }
        if (timestamp != null) {
            request.header("webhook-timestamp", timestamp);
        }
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        return request;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the secret's decoded bytes. */
    static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(keyOf(secret),
                (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    private static String secretOf(String system) {
        return switch (system) {
            case "carrier" -> CARRIER_SECRET;
            case "payments" -> PAYMENTS_SECRET;
            default -> WAREHOUSE_SECRET;
        };
    }

    private static String newEventId() {
        return "evt-" + UUID.randomUUID();
    }

    private int events(String returnId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, returnId);
    }

    private int events(String returnId, Class<?> type) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?",
                Integer.class, returnId, type.getName());
    }

    private int rows(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM inbound_integration_event WHERE event_id = ?",
                Integer.class, eventId);
    }

    private Map<String, Object> row(String system, String eventId) {
        return jdbc.queryForMap("SELECT * FROM inbound_integration_event WHERE system = ? AND event_id = ?",
                system, eventId);
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
