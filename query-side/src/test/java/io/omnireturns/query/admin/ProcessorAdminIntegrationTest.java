package io.omnireturns.query.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.audit.ProcessorOverview;
import io.omnireturns.api.audit.ProcessorStatus;
import io.omnireturns.api.audit.SegmentStatus;
import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.api.audit.ViewVerification;
import io.omnireturns.api.audit.RebuildPhase;
import io.omnireturns.api.audit.ViewRebuild;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.query.MultiSegmentViews;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.query.audit.AuditedStory;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Operations' endpoints on a real PostgreSQL, beside stand-ins for the command side's saga and ledger handler (as
 * in the all-in-one service): processors with their lag and dead letters, replays that refuse what must never be
 * replayed, and the status view verified against the event store, also over ten thousand returns after a replay
 * (which rebuilds the status view into a shadow table: ReturnStatusRebuildIntegrationTest shows it in detail).
 */
@QuerySideIntegrationTest
@MultiSegmentViews
@TestPropertySource(properties = {
        "omnireturns.admin.verification-catch-up-wait=2s",
        "axon.eventhandling.processors.return-process.mode=pooled",
        "axon.eventhandling.processors.return-process.batch-size=100",
        "axon.eventhandling.processors.order-ledger-release.mode=pooled",
        "axon.eventhandling.processors.order-ledger-release.batch-size=100"})
@Import({ProcessorAdminIntegrationTest.ReturnProcessStandIn.class,
        ProcessorAdminIntegrationTest.OrderLedgerReleaseStandIn.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessorAdminIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdminIntegrationTest.class);

    private static final String STATUS = ReturnStatusProjection.PROCESSING_GROUP;
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicLong STORY_START_MINUTES = new AtomicLong();

    /** The command side's saga as far as operations see it: a saga processor named {@code return-process}. */
    @Saga
    @ProcessingGroup("return-process")
    public static class ReturnProcessStandIn {

        @StartSaga
        @SagaEventHandler(associationProperty = "returnId")
        public void on(ReturnCompleted event) {
            SagaLifecycle.end();
        }
    }

    /** A command-side event handler (it would send commands): a plain processor, not a query-side projection. */
    @ProcessingGroup("order-ledger-release")
    public static class OrderLedgerReleaseStandIn {

        @EventHandler
        public void on(ReturnCancelled event) {
            // the real one releases the return's quantities on the order's ledger
        }
    }

    @Autowired
    MockMvc mockMvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_processor_is_listed_with_its_kind_segments_positions_and_lag() throws Exception {
        String earlier = newId("R");
        newStory(earlier).then(requested(earlier, newId("O"), "C-1", SalesChannel.WEB, null));
        awaitCaughtUp(STATUS);
        awaitCaughtUp("exception-queue");
        StreamingEventProcessor exceptionQueue = eventProcessing
                .eventProcessor("exception-queue", StreamingEventProcessor.class).orElseThrow();
        exceptionQueue.shutDown();
        try {
            String returnId = newId("R");
            newStory(returnId).then(requested(returnId, newId("O"), "C-1", SalesChannel.WEB, null),
                    authorizedInFull(returnId),
                    new ReturnParcelInTransit(returnId, "DHL", "JJD1"));
            long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);

            ProcessorOverview overview = overview();

            assertThat(overview.headPosition()).isEqualTo(head);
            assertThat(overview.processors()).extracting(ProcessorStatus::name)
                    .contains(STATUS, "exception-queue", "return-process", "order-ledger-release")
                    .isSorted();
            ProcessorStatus stopped = processor(overview, "exception-queue");
            assertThat(stopped.running()).isFalse();
            assertThat(stopped.lag()).as("three events arrived while it was stopped").isGreaterThanOrEqualTo(3);
            assertThat(stopped.lowestPosition()).isEqualTo(head - stopped.lag());
            assertThat(stopped.segments()).hasSize(2).allSatisfy(segment -> {
                assertThat(segment.owner()).as("released when it stopped").isNull();
                assertThat(segment.claimedHere()).isFalse();
            });

            ProcessorStatus statusView = processor(overview, STATUS);
            assertThat(statusView.kind()).isEqualTo("PROJECTION");
            assertThat(statusView.type()).isEqualTo("PooledStreamingEventProcessor");
            assertThat(statusView.running()).isTrue();
            assertThat(statusView.error()).isFalse();
            assertThat(statusView.replayable()).isTrue();
            assertThat(statusView.headPosition()).isEqualTo(head);
            assertThat(statusView.segments()).extracting(SegmentStatus::segment).containsExactly(0, 1, 2, 3);
            assertThat(statusView.segments()).allSatisfy(segment -> {
                assertThat(segment.owner()).isNotBlank();
                assertThat(segment.claimedHere()).isTrue();
                assertThat(segment.position()).isNotNull();
            });
            assertThat(processor(overview, "return-process"))
                    .extracting(ProcessorStatus::kind, ProcessorStatus::replayable)
                    .containsExactly("SAGA", false);
            // (its kind would be EVENT_HANDLER for the real one; the stand-in's class lives in the query side)
            assertThat(processor(overview, "order-ledger-release").replayable()).isFalse();
        } finally {
            exceptionQueue.start();
        }
        ProcessorStatus caughtUp = awaitCaughtUp("exception-queue");
        assertThat(caughtUp.running()).isTrue();
        assertThat(caughtUp.lag()).isZero();
    }

    @Test
    void dead_letters_are_counted_per_processing_group_and_the_verification_shows_the_return_behind()
            throws Exception {
        String returnId = newId("R");
        long deadLettersBefore = processor(overview(), STATUS).deadLetters();
        String constraint = "test_refuses_in_transit_" + returnId.replace('-', '_').toLowerCase();
        // from in transit on, so that a batch writing the return once (its last state) is refused too
        jdbc.execute("ALTER TABLE return_status_view ADD CONSTRAINT " + constraint
                + " CHECK (NOT (return_id = '" + returnId + "' AND status IN ('IN_TRANSIT', 'RECEIVED')))");
        try {
            newStory(returnId).then(
                    requested(returnId, newId("O"), "C-2", SalesChannel.WEB, null),
                    authorizedInFull(returnId),
                    new ReturnParcelInTransit(returnId, "UPS", "1Z777"),
                    new ReturnItemsReceived(returnId, "RCPT-9", "WH-CENTRAL",
                            List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()));
            ProcessorStatus withDeadLetters = await().atMost(PROJECTION_TIMEOUT).until(
                    () -> processor(overview(), STATUS), status -> status.deadLetters() == deadLettersBefore + 2);
            assertThat(withDeadLetters.deadLetterSequences()).isGreaterThanOrEqualTo(1);
            awaitCaughtUp(STATUS);

            ViewVerification verification = verify();
            assertThat(verification.equal()).isFalse();
            assertThat(verification.differences()).filteredOn(difference -> difference.returnId().equals(returnId))
                    .extracting(ViewDifference::kind).containsExactly("BEHIND");
        } finally {
            jdbc.execute("ALTER TABLE return_status_view DROP CONSTRAINT " + constraint);
        }

        SequencedDeadLetterProcessor<EventMessage<?>> retry = eventProcessing
                .sequencedDeadLetterProcessor(STATUS).orElseThrow();
        assertThat(retry.process(letter -> ((ReturnEvent) letter.message().getPayload()).returnId().equals(returnId)))
                .isTrue();
        assertThat(processor(overview(), STATUS).deadLetters()).isEqualTo(deadLettersBefore);
        assertThat(verify().equal()).isTrue();
    }

    @Test
    void the_saga_and_command_side_handlers_are_never_replayed() throws Exception {
        for (String notReplayable : List.of("return-process", "order-ledger-release")) {
            mockMvc.perform(post("/api/v1/admin/processors/{name}/replay", notReplayable).header("X-Actor", "ops-ann"))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("PROCESSOR_NOT_REPLAYABLE"));
        }
        assertThat(processor(overview(), "return-process").running()).as("left alone").isTrue();
        assertThat(processor(overview(), "return-process").replaying()).isFalse();

        mockMvc.perform(post("/api/v1/admin/processors/{name}/replay", "no-such-processor"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_PROCESSOR"));
        mockMvc.perform(get("/api/v1/admin/processors/{name}", "no-such-processor"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_PROCESSOR"));
    }

    /**
     * Runs last: it pauses the other processors while the status view replays, so the replay has the machine to
     * itself; they catch up after it.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void replaying_the_status_view_over_ten_thousand_returns_rebuilds_exactly_what_the_events_say()
            throws Exception {
        String sample = newId("R");
        newStory(sample).then(requested(sample, newId("O"), "C-3", SalesChannel.WEB, null), authorizedInFull(sample),
                new ReturnPutOnHold(sample, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 97",
                        ReturnStatus.AUTHORIZED));
        awaitCaughtUp(STATUS);
        String before = liveJson(sample);
        List<StreamingEventProcessor> paused = eventProcessing.eventProcessors().values().stream()
                .filter(processor -> !processor.getName().equals(STATUS))
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .toList();
        paused.forEach(StreamingEventProcessor::shutDown);
        try {
            long publishing = System.nanoTime();
            publishReturns(10_000);
            log.info("10,000 returns published in {} ms", Duration.ofNanos(System.nanoTime() - publishing).toMillis());

            long replay = System.nanoTime();
            MvcResult accepted = mockMvc.perform(post("/api/v1/admin/processors/{name}/replay", STATUS)
                            .header("X-Actor", "ops-ann"))
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", "/api/v1/admin/processors/" + STATUS))
                    .andReturn();
            ProcessorStatus replaying = objectMapper.readValue(accepted.getResponse().getContentAsString(),
                    ProcessorStatus.class);
            assertThat(replaying.running()).isTrue();
            assertThat(replaying.replaying()).isTrue();
            assertThat(replaying.replayProgress()).isBetween(0.0, 1.0);
            assertThat(replaying.viewRebuild()).as("rebuilt into a shadow table").isNotNull();
            // queries keep answering from the live table while the shadow fills
            mockMvc.perform(get("/api/v1/returns/{id}", sample)).andExpect(status().isOk());
            mockMvc.perform(post("/api/v1/admin/processors/{name}/replay", STATUS))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("REPLAY_IN_PROGRESS"));

            ViewRebuild rebuilt = await().atMost(REPLAY_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> processorStatus(STATUS), status -> !status.replaying()).viewRebuild();
            assertThat(rebuilt).as("shown only while it runs").isNull();
            String json = mockMvc.perform(get("/api/v1/admin/views/{view}/rebuild", STATUS))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            ViewRebuild done = objectMapper.readValue(json, ViewRebuild.class);
            log.info("Status view rebuilt up to event {} in {} ms ({} returns)", done.throughGlobalIndex(),
                    Duration.ofNanos(System.nanoTime() - replay).toMillis(), done.returnsRebuilt());
            assertThat(done.phase()).as("%s", done.failure()).isEqualTo(RebuildPhase.DONE);
            assertThat(done.returnsRebuilt()).isGreaterThanOrEqualTo(10_000);
            awaitCaughtUp(STATUS);

            ViewVerification verification = verify();
            log.info("Verified {} returns ({} events) in {} ms", verification.returnsCompared(),
                    verification.eventsRead(), verification.durationMillis());

            assertThat(verification.equal()).as("%s", verification.differences()).isTrue();
            assertThat(verification.differenceCount()).isZero();
            assertThat(verification.returnsCompared()).isGreaterThanOrEqualTo(10_000);
            assertThat(verification.eventsRead()).isGreaterThanOrEqualTo(20_000);
            assertThat(verification.changedWhileVerifying()).isZero();
            assertThat(liveJson(sample)).isEqualTo(before);
        } finally {
            paused.forEach(StreamingEventProcessor::start);
        }
    }

    @Test
    void the_verification_reports_every_return_whose_live_row_was_tampered_with() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String returnId = newId("R");
            newStory(returnId).then(requested(returnId, newId("O"), "C-4", SalesChannel.STORE, "S-4"),
                    authorizedInFull(returnId));
            ids.add(returnId);
        }
        awaitCaughtUp(STATUS);
        String statusChanged = ids.get(0);
        String customerChanged = ids.get(1);
        String deleted = ids.get(2);
        String ghost = newId("R-ghost");
        String backup = "test_backup_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update("CREATE TABLE " + backup + " AS SELECT * FROM return_status_view WHERE return_id = ANY (?)",
                (Object) ids.toArray(String[]::new));
        try {
            jdbc.update("UPDATE return_status_view SET status = 'COMPLETED',"
                    + " document = jsonb_set(document, '{status}', '\"COMPLETED\"') WHERE return_id = ?", statusChanged);
            jdbc.update("UPDATE return_status_view SET document = jsonb_set(document, '{customerId}', '\"C-666\"')"
                    + " WHERE return_id = ?", customerChanged);
            jdbc.update("DELETE FROM return_status_view WHERE return_id = ?", deleted);
            jdbc.update("INSERT INTO return_status_view SELECT ?, order_id, customer_id, status, hold_reason, channel,"
                    + " store_id, created_at, updated_at, last_sequence, document, underlying_systems"
                    + " FROM " + backup + " WHERE return_id = ?", ghost, ids.get(3));

            ViewVerification verification = verify();

            assertThat(verification.equal()).isFalse();
            assertThat(verification.differenceCount()).isEqualTo(4);
            assertThat(verification.differences())
                    .extracting(ViewDifference::returnId, ViewDifference::kind, ViewDifference::fields)
                    .containsExactlyInAnyOrder(
                            tuple(statusChanged, "DIFFERENT", List.of("status", "column:status")),
                            tuple(customerChanged, "DIFFERENT", List.of("customerId")),
                            tuple(deleted, "MISSING_FROM_VIEW", List.of()),
                            tuple(ghost, "NOT_IN_EVENT_STORE", List.of()));
        } finally {
            jdbc.update("DELETE FROM return_status_view WHERE return_id = ANY (?)",
                    (Object) new String[]{ids.get(0), ids.get(1), ids.get(2), ids.get(3), ghost});
            jdbc.update("INSERT INTO return_status_view SELECT * FROM " + backup);
            jdbc.execute("DROP TABLE " + backup);
        }
        assertThat(verify().equal()).isTrue();
    }

    @Test
    void a_view_that_has_not_caught_up_is_not_verified_and_only_known_views_are() throws Exception {
        StreamingEventProcessor statusView = eventProcessing.eventProcessor(STATUS, StreamingEventProcessor.class)
                .orElseThrow();
        statusView.shutDown();
        try {
            String returnId = newId("R");
            newStory(returnId).then(requested(returnId, newId("O"), "C-5", SalesChannel.WEB, null));

            mockMvc.perform(post("/api/v1/admin/views/{view}/verification", STATUS))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("VIEW_NOT_CAUGHT_UP"));
        } finally {
            statusView.start();
        }
        mockMvc.perform(post("/api/v1/admin/views/{view}/verification", "finance-ledger"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_VIEW"));
        awaitCaughtUp(STATUS);
    }

    /**
     * Ten thousand returns requested and authorized, every tenth put on hold for a fraud review and a quarter of
     * the others in transit, appended a thousand returns at a time.
     */
    private void publishReturns(int count) {
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        Instant start = Instant.parse("2035-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String returnId = "R-BULK-" + UUID.randomUUID().toString().substring(0, 13);
            SalesChannel channel = SalesChannel.values()[i % SalesChannel.values().length];
            AuditedStory story = new AuditedStory(eventStore, returnId, start.plusSeconds(i));
            batch.add(story.message(requested(returnId, "O-BULK-" + i, "C-BULK-" + (i % 500), channel,
                    channel == SalesChannel.STORE ? "S-" + (i % 20) : null)));
            batch.add(story.message(authorizedInFull(returnId)));
            if (i % 10 == 0) {
                batch.add(story.message(new ReturnPutOnHold(returnId, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD,
                        "score 90", ReturnStatus.AUTHORIZED)));
            } else if (i % 4 == 0) {
                batch.add(story.message(new ReturnParcelInTransit(returnId, "DHL", "JJD" + i)));
            }
            if (i % 1000 == 999) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
    }

    private ViewVerification verify() throws Exception {
        String json = mockMvc.perform(post("/api/v1/admin/views/{view}/verification", STATUS))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ViewVerification.class);
    }

    private ProcessorStatus awaitCaughtUp(String name) {
        return awaitCaughtUp(name, PROJECTION_TIMEOUT);
    }

    /** Until every segment of the processor has handled the newest event of the store. */
    private ProcessorStatus awaitCaughtUp(String name, Duration timeout) {
        return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> processorStatus(name),
                status -> status.lag() != null && status.lag() == 0);
    }

    private ProcessorStatus processorStatus(String name) throws Exception {
        String json = mockMvc.perform(get("/api/v1/admin/processors/{name}", name))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ProcessorStatus.class);
    }

    private ProcessorOverview overview() throws Exception {
        String json = mockMvc.perform(get("/api/v1/admin/processors"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ProcessorOverview.class);
    }

    private static ProcessorStatus processor(ProcessorOverview overview, String name) {
        return overview.processors().stream().filter(processor -> processor.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private String liveJson(String returnId) throws Exception {
        return mockMvc.perform(get("/api/v1/returns/{id}", returnId))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private AuditedStory newStory(String returnId) {
        Instant start = Instant.parse("2036-01-01T00:00:00Z")
                .plus(Duration.ofMinutes(STORY_START_MINUTES.addAndGet(30)));
        return new AuditedStory(eventStore, returnId, start);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
