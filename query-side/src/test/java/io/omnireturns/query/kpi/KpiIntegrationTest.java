package io.omnireturns.query.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.query.QuerySideIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import io.omnireturns.platform.database.outage.DatabaseOutageProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
import static io.omnireturns.query.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The KPIs of March 2031 from six returns whose events happen at known instants (the other tests' returns live in
 * other years), read through {@code GET /api/v1/kpis}. Durations are checked against PostgreSQL's continuous
 * percentiles worked out by hand: for sorted values v0..vn-1, p = v[floor(h)] + (h - floor(h)) * (v[floor(h)+1] -
 * v[floor(h)]) with h = p * (n - 1).
 */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiIntegrationTest {

    private static final String FROM = "2031-03-01T00:00:00Z";
    private static final String TO = "2031-04-01T00:00:00Z";
    private static final double EXACT = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mockMvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    KpiRepository repository;

    @BeforeAll
    void march_2031() {
        // R1, web: label, receipt, refund two days later, credit memo as approved, stock restated in two steps
        String r1 = story(SalesChannel.WEB, "2031-03-02T10:00:00Z")
                .at("2031-03-02T10:00:30Z", id -> authorizedInFull(id))
                .at("2031-03-02T10:01:00Z", id -> new ReturnLabelIssued(id, "DHL", "JJD1", "https://labels/1"))
                .at("2031-03-02T10:03:00Z", id -> new CustomerNotified(id, "LABEL_ISSUED", "EMAIL"))
                .at("2031-03-04T10:00:00Z", id -> received(id))
                .at("2031-03-04T12:00:00Z", id -> inspected(id))
                .at("2031-03-04T12:00:01Z", id -> oneShirtRefunded(id))
                .at("2031-03-04T12:00:02Z", id -> new RefundRequested(id, id + ":refund", eur(3000)))
                .at("2031-03-04T13:00:00Z", id -> new RefundIssued(id, "PAY-1", eur(3000)))
                .at("2031-03-04T13:05:00Z", id -> new CustomerNotified(id, "REFUNDED", "EMAIL"))
                .at("2031-03-04T14:00:00Z", id -> new CreditMemoPosted(id, "CM-1", eur(3000)))
                .at("2031-03-04T15:00:00Z", id -> adjusted(id, "ADJ-1"))
                .at("2031-03-04T16:00:00Z", id -> adjusted(id, "ADJ-2"))
                .publish();
        // R2, web: the refund fails, the exception is retried (which also releases the hold), the ERP posts too little
        String r2 = story(SalesChannel.WEB, "2031-03-10T08:00:00Z")
                .at("2031-03-10T08:00:30Z", id -> authorizedInFull(id))
                .at("2031-03-11T08:00:00Z", id -> received(id))
                .at("2031-03-11T09:00:00Z", id -> inspected(id))
                .at("2031-03-11T09:00:01Z", id -> oneShirtRefunded(id))
                .at("2031-03-11T09:00:02Z", id -> new RefundRequested(id, id + ":refund", eur(3000)))
                .at("2031-03-11T10:00:00Z", id -> new ExceptionRaised(id, "EX-" + id + "-1", ProcessStep.REFUND_PAYMENT,
                        "REFUND_PAYMENT", ExternalSystem.PAYMENT, "SERVER_ERROR_503", "gateway down", 5))
                .at("2031-03-11T10:00:01Z", id -> new ReturnPutOnHold(id, HoldReason.REFUND_FAILED,
                        ExternalSystem.PAYMENT, "gateway down", ReturnStatus.REFUND_PENDING))
                .at("2031-03-11T10:30:00Z", id -> new ExceptionResolved(id, "EX-" + id + "-1",
                        ProcessStep.REFUND_PAYMENT, "REFUND_PAYMENT", "RETRY", "ops"))
                .at("2031-03-11T10:30:00Z", id -> new ReturnHoldResolved(id, "O-" + id, HoldDecision.RESUME,
                        "retry of REFUND_PAYMENT", "ops", ReturnStatus.REFUND_PENDING))
                .at("2031-03-11T11:00:00Z", id -> new RefundIssued(id, "PAY-2", eur(3000)))
                .at("2031-03-11T11:10:00Z", id -> new CustomerNotified(id, "REFUNDED", "EMAIL"))
                .at("2031-03-11T12:00:00Z", id -> new CreditMemoPosted(id, "CM-2", eur(2500)))
                .at("2031-03-11T20:00:00Z", id -> adjusted(id, "ADJ-3"))
                .publish();
        // R3, store: fraud review resolved by a person, inspected at the counter, refunded within minutes
        String r3 = story(SalesChannel.STORE, "2031-03-15T09:00:00Z")
                .at("2031-03-15T09:00:10Z", id -> authorizedInFull(id))
                .at("2031-03-15T09:00:20Z", id -> new ReturnPutOnHold(id, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD,
                        "score 80", ReturnStatus.AUTHORIZED))
                .at("2031-03-15T09:00:40Z", id -> new ReturnHoldResolved(id, "O-" + id, HoldDecision.RESUME,
                        "known customer", "agent-7", ReturnStatus.AUTHORIZED))
                .at("2031-03-15T09:01:10Z", id -> new CustomerNotified(id, "AUTHORIZED", "SMS"))
                .at("2031-03-15T09:05:00Z", id -> received(id))
                .at("2031-03-15T09:06:00Z", id -> inspected(id))
                .at("2031-03-15T09:06:01Z", id -> oneShirtRefunded(id))
                .at("2031-03-15T09:06:02Z", id -> new RefundRequested(id, id + ":refund", eur(3000)))
                .at("2031-03-15T09:10:00Z", id -> new RefundIssued(id, "PAY-3", eur(3000)))
                .at("2031-03-15T09:20:00Z", id -> new CreditMemoPosted(id, "CM-3", eur(3000)))
                .publish();
        // R4, web: not eligible
        String r4 = story(SalesChannel.WEB, "2031-03-20T10:00:00Z")
                .at("2031-03-20T10:01:00Z", id -> new ReturnRejected(id, "O-" + id,
                        List.of(new LineDecision(SHIRTS, 2, 0, List.of("RETURN_WINDOW_EXPIRED")))))
                .at("2031-03-20T10:02:00Z", id -> new CustomerNotified(id, "REJECTED", "EMAIL"))
                .publish();
        // R5, web: requested in February, refunded on the 1st of March; its February exception is not March's
        String r5 = story(SalesChannel.WEB, "2031-02-28T06:00:00Z")
                .at("2031-02-28T06:00:30Z", id -> authorizedInFull(id))
                .at("2031-02-28T12:00:00Z", id -> received(id))
                .at("2031-02-28T18:00:00Z", id -> inspected(id))
                .at("2031-02-28T18:00:01Z", id -> oneShirtRefunded(id))
                .at("2031-02-28T20:00:00Z", id -> new ExceptionRaised(id, "EX-" + id + "-1", ProcessStep.REFUND_PAYMENT,
                        "REFUND_PAYMENT", ExternalSystem.PAYMENT, "SERVER_ERROR_503", "gateway down", 5))
                .at("2031-03-01T06:00:00Z", id -> new RefundIssued(id, "PAY-5", eur(3000)))
                .publish();
        // R6, web: April, outside the window altogether
        String r6 = story(SalesChannel.WEB, "2031-04-02T10:00:00Z")
                .at("2031-04-02T10:00:30Z", id -> authorizedInFull(id))
                .at("2031-04-02T11:00:00Z", id -> received(id))
                .at("2031-04-02T12:00:00Z", id -> inspected(id))
                .at("2031-04-02T13:00:00Z", id -> new RefundIssued(id, "PAY-6", eur(3000)))
                .publish();
        // projected once every refund, notification, stock adjustment and credit memo is in
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM kpi_return WHERE return_id IN (?, ?, ?, ?, ?) AND refund_issued_at IS NOT NULL",
                Integer.class, r1, r2, r3, r5, r6) == 5
                && jdbc.queryForObject("SELECT count(*) FROM kpi_return, jsonb_object_keys(notified) "
                        + "WHERE return_id IN (?, ?, ?, ?)", Integer.class, r1, r2, r3, r4) == 5
                && jdbc.queryForObject("SELECT count(*) FROM kpi_return WHERE return_id IN (?, ?) "
                        + "AND inventory_adjusted_at IS NOT NULL AND credit_memo_posted_at IS NOT NULL", Integer.class,
                r1, r2) == 2);
    }

    @Test
    void refund_cycle_time_runs_from_request_to_refund_for_refunds_issued_in_the_window() throws Exception {
        JsonNode kpis = kpis("");

        // 600 (R3), 86 400 (R5), 97 200 (R2), 183 600 (R1)
        assertDuration(kpis.path("figures").path("refundCycleTime"), 4, 91_800, 157_680, 181_008, 91_950);
        // web alone: 86 400, 97 200, 183 600
        assertDuration(kpis.path("byChannel").path("WEB").path("refundCycleTime"), 3, 97_200, 166_320, 181_872, 122_400);
        assertDuration(kpis.path("byChannel").path("STORE").path("refundCycleTime"), 1, 600, 600, 600, 600);
        assertThat(kpis.path("byChannel").path("MARKETPLACE").path("refundCycleTime").path("count").asLong()).isZero();
        assertThat(kpis.path("byChannel").path("MARKETPLACE").path("refundCycleTime").has("p50Seconds")).isFalse();
    }

    @Test
    void refund_latency_runs_from_inspection_to_refund() throws Exception {
        // 240 (R3), 3 600 (R1), 7 200 (R2), 43 200 (R5)
        assertDuration(kpis("").path("figures").path("refundLatency"), 4, 5_400, 32_400, 42_120, 13_560);
    }

    @Test
    void exception_rate_is_the_share_of_returns_requested_in_the_window_that_raised_an_exception() throws Exception {
        JsonNode kpis = kpis("");

        assertRatio(kpis.path("figures").path("exceptionRate"), 1, 4);
        assertRatio(kpis.path("byChannel").path("WEB").path("exceptionRate"), 1, 3);
        assertRatio(kpis.path("byChannel").path("STORE").path("exceptionRate"), 0, 1);
    }

    @Test
    void inventory_restatement_latency_runs_from_receipt_to_the_last_stock_adjustment() throws Exception {
        // 21 600 (R1: received 10:00, second line restated 16:00), 43 200 (R2)
        assertDuration(kpis("").path("figures").path("inventoryRestatementLatency"), 2, 32_400, 41_040, 42_984, 32_400);
    }

    @Test
    void notification_timeliness_runs_from_each_milestone_to_the_customer_being_told() throws Exception {
        // 60 (R3 authorized, fraud review included), 60 (R4 rejected), 120 (R1 label), 300 (R1 refund), 600 (R2 refund)
        assertDuration(kpis("").path("figures").path("notificationTimeliness"), 5, 120, 480, 588, 228);
    }

    @Test
    void manual_interventions_count_hold_resolutions_and_retries_once_each() throws Exception {
        JsonNode kpis = kpis("");

        JsonNode all = kpis.path("figures").path("manualInterventions");
        assertThat(all.path("total").asLong()).isEqualTo(2);
        assertThat(all.path("holdResolutions").asLong()).isEqualTo(1);
        assertThat(all.path("exceptionRetries").asLong()).isEqualTo(1);
        assertThat(kpis.path("byChannel").path("STORE").path("manualInterventions").path("holdResolutions").asLong())
                .isEqualTo(1);
        assertThat(kpis.path("byChannel").path("WEB").path("manualInterventions").path("exceptionRetries").asLong())
                .isEqualTo(1);
    }

    @Test
    void erp_posting_accuracy_is_the_share_of_credit_memos_equal_to_the_approved_refund() throws Exception {
        JsonNode kpis = kpis("");

        assertRatio(kpis.path("figures").path("erpPostingAccuracy"), 2, 3);
        assertRatio(kpis.path("byChannel").path("WEB").path("erpPostingAccuracy"), 1, 2);
        assertRatio(kpis.path("byChannel").path("STORE").path("erpPostingAccuracy"), 1, 1);
    }

    @Test
    void a_channel_filter_gives_that_channels_figures_alone() throws Exception {
        JsonNode kpis = kpis("&channel=STORE");

        assertThat(kpis.path("channel").asText()).isEqualTo("STORE");
        assertDuration(kpis.path("figures").path("refundCycleTime"), 1, 600, 600, 600, 600);
        assertThat(kpis.path("byChannel").size()).isEqualTo(1);
        assertThat(kpis.path("byChannel").has("STORE")).isTrue();
    }

    @Test
    void the_kpis_are_also_gauges_over_a_trailing_window_per_channel() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Clock endOfMarch = Clock.fixed(Instant.parse(TO), ZoneOffset.UTC);
        new KpiMetrics(repository, new KpiProperties(Duration.ofDays(30), Duration.ofDays(31), Duration.ofMinutes(1),
                null, Duration.ofMinutes(1)),
                endOfMarch, registry, (DatabaseAvailability) null);

        assertThat(registry.get(KpiMetrics.DURATION)
                .tags("kpi", "refund_cycle_time", "channel", "ALL", "quantile", "0.5").gauge().value())
                .isCloseTo(91_800, within(EXACT));
        assertThat(registry.get(KpiMetrics.DURATION)
                .tags("kpi", "refund_cycle_time", "channel", "STORE", "quantile", "0.99").gauge().value())
                .isCloseTo(600, within(EXACT));
        assertThat(registry.get(KpiMetrics.SAMPLES).tags("kpi", "notification_timeliness", "channel", "ALL")
                .gauge().value()).isEqualTo(5);
        assertThat(registry.get(KpiMetrics.RATIO).tags("kpi", "erp_posting_accuracy", "channel", "ALL")
                .gauge().value()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(registry.get(KpiMetrics.INTERVENTIONS).tags("kind", "exception_retry", "channel", "WEB")
                .gauge().value()).isEqualTo(1);
        assertThat(registry.get(KpiMetrics.DURATION)
                .tags("kpi", "refund_latency", "channel", "MARKETPLACE", "quantile", "0.5").gauge().value()).isNaN();
    }

    @Test
    void the_kpi_gauges_read_nan_at_once_while_the_outage_probe_finds_the_database_unreachable() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DatabaseAvailability refused = new DatabaseAvailability(() -> {
            throw new SQLException("Connection refused", "08001");
        }, new DatabaseOutageProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true),
                Clock.systemUTC());
        refused.check();
        KpiRepository unreachable = mock(KpiRepository.class);
        new KpiMetrics(unreachable, new KpiProperties(Duration.ofDays(30), Duration.ofDays(1), Duration.ofMinutes(1),
                null, Duration.ofMinutes(1)), Clock.systemUTC(), registry, refused);

        assertThat(registry.get(KpiMetrics.DURATION)
                .tags("kpi", "refund_latency", "channel", "ALL", "quantile", "0.9").gauge().value()).isNaN();
        assertThat(registry.get(KpiMetrics.RATIO).tags("kpi", "exception_rate", "channel", "ALL")
                .gauge().value()).isNaN();
        verifyNoInteractions(unreachable);
    }

    @Test
    void a_replay_rebuilds_the_same_figures() throws Exception {
        JsonNode before = kpis("");
        StreamingEventProcessor processor = eventProcessing
                .eventProcessor(KpiProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        long head = eventStore.createHeadToken().position().orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // a segment stays "replaying" until an event newer than the reset arrives: wait for it to reach the head
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head));

        assertThat(kpis("")).isEqualTo(before);
    }

    @Test
    void a_window_that_does_not_end_after_it_starts_is_refused() throws Exception {
        mockMvc.perform(get("/api/v1/kpis").param("from", TO).param("to", FROM))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    private JsonNode kpis(String extra) throws Exception {
        String body = mockMvc.perform(get("/api/v1/kpis?from=" + FROM + "&to=" + TO + extra))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    private static void assertDuration(JsonNode kpi, long count, double p50, double p90, double p99, double mean) {
        assertThat(kpi.path("count").asLong()).as("count").isEqualTo(count);
        assertThat(kpi.path("p50Seconds").asDouble()).as("p50").isCloseTo(p50, within(EXACT));
        assertThat(kpi.path("p90Seconds").asDouble()).as("p90").isCloseTo(p90, within(EXACT));
        assertThat(kpi.path("p99Seconds").asDouble()).as("p99").isCloseTo(p99, within(EXACT));
        assertThat(kpi.path("meanSeconds").asDouble()).as("mean").isCloseTo(mean, within(EXACT));
    }

    private static void assertRatio(JsonNode kpi, long numerator, long denominator) {
        assertThat(kpi.path("numerator").asLong()).isEqualTo(numerator);
        assertThat(kpi.path("denominator").asLong()).isEqualTo(denominator);
        assertThat(kpi.path("ratio").asDouble()).isCloseTo((double) numerator / denominator, within(EXACT));
    }

    private static ReturnItemsReceived received(String returnId) {
        return new ReturnItemsReceived(returnId, "RCPT-" + returnId, "WH-CENTRAL",
                List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of());
    }

    private static ReturnInspectionCompleted inspected(String returnId) {
        return new ReturnInspectionCompleted(returnId, "O-" + returnId, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(SHIRTS, 1, Grade.NEW, ReturnReason.SIZE_OR_FIT)), Map.of(), false);
    }

    private static InventoryAdjusted adjusted(String returnId, String adjustmentId) {
        return new InventoryAdjusted(returnId, adjustmentId, SHIRTS, SHIRT_SKU, Disposition.RESTOCK, "WH-CENTRAL", 1);
    }

    private Story story(SalesChannel channel, String requestedAt) {
        String returnId = "KPI-" + UUID.randomUUID();
        return new Story(returnId).at(requestedAt, id -> requested(id, "O-" + id, "C-KPI", channel,
                channel == SalesChannel.STORE ? "S-042" : null));
    }

    /** One return's events at the instants given, stored as the aggregate stores them. */
    private final class Story {

        private final String returnId;
        private final List<GenericDomainEventMessage<?>> events = new ArrayList<>();

        Story(String returnId) {
            this.returnId = returnId;
        }

        Story at(String instant, java.util.function.Function<String, ReturnEvent> event) {
            events.add(new GenericDomainEventMessage<>("ReturnAggregate", returnId, events.size(),
                    event.apply(returnId), MetaData.emptyInstance(), UUID.randomUUID().toString(),
                    Instant.parse(instant)));
            return this;
        }

        String publish() {
            eventStore.publish(events);
            return returnId;
        }
    }
}
