package io.omnireturns.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.audit.ProcessorStatus;
import io.omnireturns.api.audit.RebuildPhase;
import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.api.audit.ViewRebuild;
import io.omnireturns.api.audit.ViewVerification;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.query.audit.AuditedStory;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The status view's replay without downtime on a real PostgreSQL: the view is rebuilt into a shadow table while the
 * live one keeps answering and the projection keeps writing it, then swapped in. Look-ups never miss a return nor go
 * back to an older version; returns that change meanwhile end up right; a cancelled rebuild or one whose shadow fails
 * its verification leaves the live table as it was. The rebuild is held at its phases by {@link RebuildGate}.
 */
@QuerySideIntegrationTest
@TestPropertySource(properties = {
        "axon.eventhandling.processors.return-status.initial-segment-count=2",
        // small batches and spans, so that a few hundred returns make many of each
        "omnireturns.admin.verification-batch-size=40",
        "omnireturns.admin.verification-window=150",
        "omnireturns.admin.rebuild-gap-margin=50",
        // every statement prepared on the server from its first run, so the swap meets prepared plans everywhere
        "spring.datasource.hikari.data-source-properties[prepareThreshold]=1"})
@Import(ReturnStatusRebuildIntegrationTest.Gate.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReturnStatusRebuildIntegrationTest {

    private static final String STATUS = ReturnStatusProjection.PROCESSING_GROUP;
    private static final String REBUILD = "/api/v1/admin/views/{view}/rebuild";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicLong STORY_START_MINUTES = new AtomicLong();

    @TestConfiguration(proxyBeanMethods = false)
    static class Gate {
        @Bean
        RebuildGate rebuildGate() {
            return new RebuildGate();
        }
    }

    @Autowired
    MockMvc mockMvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RebuildGate gate;

    @AfterEach
    void letGo() {
        gate.reset();
    }

    @Test
    @Order(1)
    void a_view_never_rebuilt_has_no_rebuild_to_show_or_cancel_and_only_the_status_view_is_rebuilt() throws Exception {
        mockMvc.perform(get(REBUILD, STATUS))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NO_REBUILD"));
        mockMvc.perform(delete(REBUILD, STATUS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NO_REBUILD_RUNNING"));
        mockMvc.perform(post(REBUILD, "finance-ledger"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_VIEW"));
    }

    @Test
    @Order(2)
    void look_ups_answer_the_latest_view_throughout_a_replay_and_returns_changed_meanwhile_end_up_right()
            throws Exception {
        assertThat(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Integer>) connection ->
                connection.unwrap(org.postgresql.PGConnection.class).getPrepareThreshold())).isEqualTo(1);
        publishReturns(400);
        List<AuditedStory> changing = new ArrayList<>();
        List<String> watched = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String returnId = newId("R-CHG");
            AuditedStory story = newStory(returnId);
            story.then(requested(returnId, newId("O"), "C-" + i, SalesChannel.WEB, null), authorizedInFull(returnId));
            changing.add(story);
            watched.add(returnId);
        }
        awaitCaughtUp();
        watched.addAll(jdbc.queryForList("SELECT return_id FROM return_status_view ORDER BY created_at LIMIT 4",
                String.class));
        long tableBefore = liveTableOid();

        Poller poller = new Poller(watched);
        Thread polling = new Thread(poller, "look-ups during the rebuild");
        polling.start();
        try {
            gate.holdAt(RebuildGate.BATCH);
            MvcResult accepted = mockMvc.perform(post("/api/v1/admin/processors/{name}/replay", STATUS))
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", "/api/v1/admin/processors/" + STATUS))
                    .andReturn();
            ProcessorStatus replaying = objectMapper.readValue(accepted.getResponse().getContentAsString(),
                    ProcessorStatus.class);
            assertThat(replaying.replaying()).isTrue();
            assertThat(replaying.viewRebuild()).isNotNull();
            gate.awaitHeld();

            // during the first pass: returns rebuilt already, and new ones, change
            ProcessorStatus midway = processorStatus();
            assertThat(midway.replaying()).isTrue();
            assertThat(midway.viewRebuild().phase()).isEqualTo(RebuildPhase.REBUILDING);
            assertThat(midway.viewRebuild().returnsTotal()).isGreaterThanOrEqualTo(400);
            changing.get(0).then(new ReturnParcelInTransit(changing.get(0).returnId(), "DHL", "JJD-1"));
            String lateReturn = newId("R-LATE");
            AuditedStory late = newStory(lateReturn);
            late.then(requested(lateReturn, newId("O"), "C-L", SalesChannel.WEB, null));
            changing.add(late);
            watchedLater(poller, lateReturn);
            gate.holdAt(RebuildPhase.VERIFYING.name());
            gate.release();

            gate.awaitHeld();
            changing.get(1).then(new ReturnPutOnHold(changing.get(1).returnId(), HoldReason.FRAUD_REVIEW,
                    ExternalSystem.FRAUD, "score 97", ReturnStatus.AUTHORIZED));
            late.then(authorizedInFull(lateReturn));
            gate.holdAt(RebuildGate.LOCKED);
            gate.release();

            // in the swap's transaction: the live table is locked, look-ups wait (they do not fail)
            gate.awaitHeld();
            changing.get(2).then(new ReturnParcelInTransit(changing.get(2).returnId(), "UPS", "1Z-2"));
            gate.release();

            ViewRebuild done = awaitRebuildEnded();
            assertThat(done.phase()).as("%s", done.failure()).isEqualTo(RebuildPhase.DONE);
            assertThat(done.returnsRebuilt()).isGreaterThanOrEqualTo(400);
            assertThat(done.returnsVerified()).isGreaterThanOrEqualTo(400);
            assertThat(done.catchUpPasses()).isGreaterThanOrEqualTo(2);
            assertThat(done.progress()).isEqualTo(1.0);
            // nothing was wrong in the live view (a row behind by an event the projection had yet to apply may show)
            assertThat(done.differences()).extracting(ViewDifference::kind)
                    .doesNotContain("DIFFERENT", "NOT_IN_EVENT_STORE");

            changing.get(3).then(new ReturnParcelInTransit(changing.get(3).returnId(), "DHL", "JJD-3"));
            awaitCaughtUp();
            for (AuditedStory story : changing) {
                String returnId = story.returnId();
                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(version(returnId))
                        .as(returnId).isEqualTo(story.lastSequence()));
            }
        } finally {
            poller.stop();
            polling.join();
        }

        assertThat(poller.failures).isEmpty();
        assertThat(poller.lookUps.get()).isGreaterThan(watched.size());
        assertThat(liveTableOid()).as("the shadow is the live table now").isNotEqualTo(tableBefore);
        assertThat(processorStatus().replaying()).isFalse();
        assertThat(processorStatus().error()).isFalse();
        assertThat(processorStatus().deadLetters()).isZero();
        ViewVerification verification = verify();
        assertThat(verification.equal()).as("%s", verification.differences()).isTrue();
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'return_status_view'",
                String.class)).as("the live names back").containsExactlyInAnyOrder("return_status_view_pk",
                "return_status_view_newest_idx", "return_status_view_order_idx", "return_status_view_customer_idx",
                "return_status_view_status_idx", "return_status_view_channel_idx", "return_status_view_store_idx");
        assertThat(jdbc.queryForObject("SELECT conname FROM pg_constraint WHERE contype = 'p'"
                + " AND conrelid = 'return_status_view'::regclass", String.class)).isEqualTo("return_status_view_pk");
        assertThat(jdbc.queryForObject("SELECT to_regclass('return_status_view_rebuild') IS NULL"
                + " AND to_regclass('return_status_view_replaced') IS NULL", Boolean.class)).isTrue();
        mockMvc.perform(get("/api/v1/returns").param("status", "IN_TRANSIT").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").isNumber());
    }

    @Test
    @Order(3)
    void a_cancelled_rebuild_leaves_the_live_view_untouched_and_only_one_rebuild_runs_at_a_time() throws Exception {
        awaitCaughtUp();
        long tableBefore = liveTableOid();
        String before = liveContents();

        gate.holdAt(RebuildGate.BATCH);
        mockMvc.perform(post(REBUILD, STATUS).header("X-Actor", "ops-ann"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/views/" + STATUS + "/rebuild"))
                .andExpect(jsonPath("$.phase").value("REBUILDING"));
        gate.awaitHeld();
        mockMvc.perform(post(REBUILD, STATUS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REBUILD_IN_PROGRESS"));
        mockMvc.perform(post("/api/v1/admin/processors/{name}/replay", STATUS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REPLAY_IN_PROGRESS"));
        mockMvc.perform(get(REBUILD, STATUS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("REBUILDING"))
                .andExpect(jsonPath("$.returnsTotal").isNumber());

        mockMvc.perform(delete(REBUILD, STATUS))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.cancelRequested").value(true));
        gate.release();

        ViewRebuild cancelled = awaitRebuildEnded();
        assertThat(cancelled.phase()).isEqualTo(RebuildPhase.CANCELLED);
        assertThat(liveTableOid()).isEqualTo(tableBefore);
        assertThat(liveContents()).isEqualTo(before);
        assertThat(shadowExists()).isFalse();
        mockMvc.perform(delete(REBUILD, STATUS))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NO_REBUILD_RUNNING"));

        // another instance running a rebuild holds the lock
        try (Connection otherInstance = dataSource.getConnection(); Statement statement = otherInstance.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + RebuildLock.KEY + ")");
            try {
                mockMvc.perform(post(REBUILD, STATUS))
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.code").value("REBUILD_IN_PROGRESS"));
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + RebuildLock.KEY + ")");
            }
        }
        assertThat(liveTableOid()).isEqualTo(tableBefore);
    }

    @Test
    @Order(4)
    void a_shadow_that_fails_its_verification_is_dropped_and_never_swapped_in() throws Exception {
        awaitCaughtUp();
        long tableBefore = liveTableOid();
        String before = liveContents();
        String lost = jdbc.queryForObject("SELECT return_id FROM return_status_view ORDER BY return_id LIMIT 1",
                String.class);

        gate.holdAt(RebuildPhase.VERIFYING.name());
        mockMvc.perform(post(REBUILD, STATUS)).andExpect(status().isAccepted());
        gate.awaitHeld();
        jdbc.update("DELETE FROM return_status_view_rebuild WHERE return_id = ?", lost);
        gate.release();

        ViewRebuild failed = awaitRebuildEnded();
        assertThat(failed.phase()).isEqualTo(RebuildPhase.FAILED);
        assertThat(failed.failure()).contains("verification");
        assertThat(failed.differences()).extracting(ViewDifference::returnId, ViewDifference::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lost, "MISSING_FROM_VIEW"));
        assertThat(liveTableOid()).isEqualTo(tableBefore);
        assertThat(liveContents()).isEqualTo(before);
        assertThat(shadowExists()).isFalse();
    }

    @Test
    @Order(5)
    void a_rebuild_after_the_cause_of_dead_letters_is_fixed_brings_their_return_up_to_date_and_drops_them()
            throws Exception {
        String returnId = newId("R-DLQ");
        String constraint = "test_refuses_in_transit_" + returnId.replace('-', '_').toLowerCase();
        jdbc.execute("ALTER TABLE return_status_view ADD CONSTRAINT " + constraint
                + " CHECK (NOT (return_id = '" + returnId + "' AND status = 'IN_TRANSIT'))");
        AuditedStory story = newStory(returnId);
        story.then(requested(returnId, newId("O"), "C-D", SalesChannel.WEB, null), authorizedInFull(returnId),
                new ReturnParcelInTransit(returnId, "UPS", "1Z-D"));
        await().atMost(TIMEOUT).until(() -> processorStatus().deadLetters() > 0);
        jdbc.execute("ALTER TABLE return_status_view DROP CONSTRAINT " + constraint); // the cause fixed
        story.then(new ReturnItemsReceived(returnId, "RCPT-D", "WH-CENTRAL",
                List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()));
        awaitCaughtUp();
        assertThat(version(returnId)).as("held back by its dead letters").isLessThan(story.lastSequence());

        mockMvc.perform(post(REBUILD, STATUS)).andExpect(status().isAccepted());
        ViewRebuild done = awaitRebuildEnded();

        assertThat(done.phase()).as("%s", done.failure()).isEqualTo(RebuildPhase.DONE);
        assertThat(done.differences()).extracting(ViewDifference::returnId).contains(returnId);
        assertThat(version(returnId)).isEqualTo(story.lastSequence());
        assertThat(processorStatus().deadLetters()).isZero();
        story.then(new ReturnPutOnHold(returnId, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 91",
                ReturnStatus.RECEIVED));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(version(returnId)).isEqualTo(story.lastSequence()));
        assertThat(processorStatus().deadLetters()).isZero();
    }

    /** Polls look-ups until stopped: every answer must be 200 and never older than the one before. */
    private final class Poller implements Runnable {

        private final List<String> returnIds;
        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong lookUps = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Poller(List<String> returnIds) {
            this.returnIds = Collections.synchronizedList(new ArrayList<>(returnIds));
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            while (running.get()) {
                List<String> ids;
                synchronized (returnIds) {
                    ids = List.copyOf(returnIds);
                }
                for (String returnId : ids) {
                    try {
                        MvcResult answer = mockMvc.perform(get("/api/v1/returns/{id}", returnId)).andReturn();
                        lookUps.incrementAndGet();
                        int status = answer.getResponse().getStatus();
                        if (status != 200) {
                            failures.add(returnId + " answered " + status);
                            continue;
                        }
                        long version = objectMapper.readTree(answer.getResponse().getContentAsString())
                                .path("version").asLong();
                        Long before = seen.put(returnId, version);
                        if (before != null && version < before) {
                            failures.add(returnId + " went back from version " + before + " to " + version);
                        }
                    } catch (Exception e) {
                        failures.add(returnId + ": " + e);
                    }
                }
            }
        }
    }

    /** A return requested during the rebuild is watched once its view is there. */
    private void watchedLater(Poller poller, String returnId) {
        await().atMost(TIMEOUT).until(() -> version(returnId) >= 0);
        poller.returnIds.add(returnId);
    }

    private long version(String returnId) throws Exception {
        MvcResult answer = mockMvc.perform(get("/api/v1/returns/{id}", returnId)).andReturn();
        if (answer.getResponse().getStatus() != 200) {
            return -1;
        }
        JsonNode view = objectMapper.readTree(answer.getResponse().getContentAsString());
        return view.path("version").asLong();
    }

    private ViewRebuild awaitRebuildEnded() {
        return await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            String json = mockMvc.perform(get(REBUILD, STATUS)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            return objectMapper.readValue(json, ViewRebuild.class);
        }, rebuild -> !rebuild.phase().running());
    }

    private ViewVerification verify() throws Exception {
        String json = mockMvc.perform(post("/api/v1/admin/views/{view}/verification", STATUS))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ViewVerification.class);
    }

    private void awaitCaughtUp() {
        await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(this::processorStatus,
                status -> status.lag() != null && status.lag() == 0);
    }

    private ProcessorStatus processorStatus() throws Exception {
        String json = mockMvc.perform(get("/api/v1/admin/processors/{name}", STATUS)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readValue(json, ProcessorStatus.class);
    }

    private long liveTableOid() {
        return jdbc.queryForObject("SELECT 'return_status_view'::regclass::oid::bigint", Long.class);
    }

    private String liveContents() {
        return jdbc.queryForObject("SELECT md5(string_agg(return_id || ':' || last_sequence || ':' || document::text,"
                + " ',' ORDER BY return_id)) FROM return_status_view", String.class);
    }

    private boolean shadowExists() {
        return jdbc.queryForObject("SELECT to_regclass('return_status_view_rebuild') IS NOT NULL", Boolean.class);
    }

    /** Returns requested and authorized, some in transit, some received, appended a hundred at a time. */
    private void publishReturns(int count) {
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        Instant start = Instant.parse("2037-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String returnId = "R-RB-" + UUID.randomUUID().toString().substring(0, 13);
            AuditedStory story = new AuditedStory(eventStore, returnId, start.plusSeconds(i));
            batch.add(story.message(requested(returnId, "O-RB-" + i, "C-RB-" + (i % 50), SalesChannel.WEB, null)));
            batch.add(story.message(authorizedInFull(returnId)));
            if (i % 3 == 0) {
                batch.add(story.message(new ReturnParcelInTransit(returnId, "DHL", "JJD" + i)));
            }
            if (i % 9 == 0) {
                batch.add(story.message(new ReturnItemsReceived(returnId, "RCPT-" + i, "WH-CENTRAL",
                        List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of())));
            }
            if (i % 100 == 99) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
    }

    private AuditedStory newStory(String returnId) {
        Instant start = Instant.parse("2038-01-01T00:00:00Z")
                .plus(Duration.ofMinutes(STORY_START_MINUTES.addAndGet(30)));
        return new AuditedStory(eventStore, returnId, start);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
