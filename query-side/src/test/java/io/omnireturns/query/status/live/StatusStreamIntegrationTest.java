package io.omnireturns.query.status.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.query.ReturnStory;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * The status streams over real HTTP on a real PostgreSQL: events appended to the event store as the return aggregate
 * stores them, projected by the status view, announced through PostgreSQL notifications and pushed to the streams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnireturns.database.embedded.data-dir=",
        "axon.axonserver.enabled=false",
        "omnireturns.status-updates.heartbeat=300ms",
        "omnireturns.status-updates.reconnect-min=100ms",
        "omnireturns.security.demo-users[0].username=service-agent",
        "omnireturns.security.demo-users[0].password=demo",
        "omnireturns.security.demo-users[0].roles=SERVICE_AGENT",
        "omnireturns.security.demo-users[1].username=store-001",
        "omnireturns.security.demo-users[1].password=demo",
        "omnireturns.security.demo-users[1].roles=STORE_ASSOCIATE",
        "omnireturns.security.demo-users[1].stores=STORE-001",
        "omnireturns.security.demo-users[2].username=kiosk",
        "omnireturns.security.demo-users[2].password=demo"
})
class StatusStreamIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong STORY_START_MINUTES = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    StatusChangeListener listener;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    RecentViews recentViews;

    @Test
    void a_subscriber_sees_a_return_walk_to_completed_in_order_and_the_stream_then_ends() throws Exception {
        String returnId = newId("R");
        ReturnStory story = newStory(returnId);
        story.then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null), authorizedInFull(returnId));
        awaitStoredVersion(returnId, story.lastSequence());

        try (SseClient stream = SseClient.open(port, "/api/v1/returns/" + returnId + "/events", "service-agent", null)) {
            assertThat(stream.status()).isEqualTo(200);
            awaitVersion(stream, 1);
            assertThat(status(stream.events().get(0))).isEqualTo("AUTHORIZED");

            story.then(new FraudAssessed(returnId, 12, false, List.of()),
                    new ReturnLabelIssued(returnId, "DHL", "JJD000123", "https://labels.example/JJD000123.pdf"),
                    new WarehouseAdvised(returnId, "WH-CENTRAL", "ASN-77"));
            awaitVersion(stream, story.lastSequence());
            story.then(new ReturnParcelInTransit(returnId, "DHL", "JJD000123"));
            awaitVersion(stream, story.lastSequence());
            story.then(new ReturnItemsReceived(returnId, "RCPT-1", "WH-CENTRAL",
                            List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()),
                    new ReturnLinesInspected(returnId, "INSP-1", List.of(new InspectedLine(SHIRTS, 1, 1, Grade.USED,
                            Disposition.RESTOCK, false, "one shirt worn"))),
                    new ReturnInspectionCompleted(returnId, "O-1", RefundMethod.ORIGINAL_TENDER,
                            List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)),
                            Map.of(SHOES, 1), false));
            awaitVersion(stream, story.lastSequence());
            story.then(oneShirtRefunded(returnId), new RefundRequested(returnId, returnId + ":refund", eur(3000)));
            awaitVersion(stream, story.lastSequence());
            story.then(new RefundIssued(returnId, "PAY-778", eur(3000)), new RefundSettled(returnId, "PAY-778"),
                    new CreditMemoPosted(returnId, "CM-1", eur(3000)),
                    new InventoryAdjusted(returnId, "ADJ-1", SHIRTS, SHIRT_SKU, Disposition.RESTOCK, "WH-CENTRAL", 2),
                    new CustomerNotified(returnId, "REFUND_ISSUED", "EMAIL"),
                    new ReturnCompleted(returnId));
            awaitVersion(stream, story.lastSequence());

            await().atMost(WAIT).untilAsserted(() -> assertThat(stream.ended()).as("closed after COMPLETED").isTrue());
            List<SseClient.Event> events = stream.events();
            assertThat(events).allSatisfy(event -> {
                assertThat(event.name()).isEqualTo("status");
                assertThat(JSON.readTree(event.data()).path("version").asLong()).isEqualTo(event.version());
                assertThat(JSON.readTree(event.data()).path("returnId").asText()).isEqualTo(returnId);
            });
            assertThat(events).extracting(SseClient.Event::version).isSorted().doesNotHaveDuplicates();
            assertThat(events).extracting(SseClient.Event::version)
                    .contains(1L, 4L, 5L, 8L, 10L, story.lastSequence());
            assertThat(events).extracting(this::status).containsSubsequence("AUTHORIZED", "IN_TRANSIT", "INSPECTED",
                    "REFUND_PENDING", "COMPLETED").endsWith("COMPLETED");
        }
    }

    @Test
    void a_reconnect_with_last_event_id_gets_no_view_twice_and_misses_none() throws Exception {
        String returnId = newId("R");
        ReturnStory story = newStory(returnId);
        story.then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null), authorizedInFull(returnId));
        awaitStoredVersion(returnId, 1);
        String path = "/api/v1/returns/" + returnId + "/events";
        try (SseClient first = SseClient.open(port, path, "service-agent", null)) {
            awaitVersion(first, 1);
            await().atMost(WAIT).until(() -> first.comments() > 0); // the heartbeat
        }

        // changes while the client is away
        story.then(new FraudAssessed(returnId, 12, false, List.of()),
                new ReturnLabelIssued(returnId, "DHL", "JJD000124", "https://labels.example/JJD000124.pdf"));
        awaitStoredVersion(returnId, 3);
        try (SseClient again = SseClient.open(port, path, "service-agent", "1")) {
            awaitVersion(again, 3);
            story.then(new WarehouseAdvised(returnId, "WH-CENTRAL", "ASN-78"));
            awaitVersion(again, 4);
            assertThat(again.events()).extracting(SseClient.Event::version).containsExactly(3L, 4L);
        }

        // up to date: nothing is sent again, the next change is
        try (SseClient upToDate = SseClient.open(port, path, "service-agent", "4")) {
            story.then(new ReturnParcelInTransit(returnId, "DHL", "JJD000124"));
            awaitVersion(upToDate, 5);
            assertThat(upToDate.events()).extracting(SseClient.Event::version).containsExactly(5L);
        }

        // a terminal return whose last view the client has: 204, so EventSource stops reconnecting
        story.then(new ReturnCompleted(returnId));
        awaitStoredVersion(returnId, 6);
        try (SseClient done = SseClient.open(port, path, "service-agent", "6")) {
            assertThat(done.status()).isEqualTo(204);
        }
        try (SseClient invalid = SseClient.open(port, path, "service-agent", "not-a-version")) {
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("INVALID_PARAMETER");
        }
    }

    @Test
    void a_store_associate_sees_only_its_own_stores_returns() throws Exception {
        try (SseClient agent = SseClient.open(port, "/api/v1/returns/events", "service-agent", null);
             SseClient store = SseClient.open(port, "/api/v1/returns/events", "store-001", null)) {
            assertThat(agent.status()).isEqualTo(200);
            assertThat(store.status()).isEqualTo(200);
            String own = newId("R");
            String other = newId("R");
            ReturnStory ownStory = newStory(own);
            newStory(other).then(requested(other, newId("O"), "C-200", SalesChannel.STORE, "STORE-002"));
            ownStory.then(requested(own, newId("O"), "C-100", SalesChannel.STORE, "STORE-001"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(returnIds(agent)).contains(own, other));
            ownStory.then(authorizedInFull(own));
            await().atMost(WAIT).untilAsserted(() -> assertThat(store.events()).anySatisfy(event -> {
                JsonNode change = JSON.readTree(event.data());
                assertThat(change.path("returnId").asText()).isEqualTo(own);
                assertThat(change.path("status").asText()).isEqualTo("AUTHORIZED");
            }));

            assertThat(returnIds(store)).contains(own).doesNotContain(other);
            assertThat(store.events()).allSatisfy(event -> {
                assertThat(event.name()).isEqualTo("return");
                assertThat(JSON.readTree(event.data()).path("storeId").asText()).isEqualTo("STORE-001");
            });
            try (SseClient foreign = SseClient.open(port, "/api/v1/returns/" + other + "/events", "store-001", null)) {
                assertThat(foreign.status()).isEqualTo(404);
                assertThat(foreign.body()).contains("RETURN_NOT_FOUND");
            }
        }
    }

    @Test
    void callers_without_credentials_or_without_a_role_are_refused() throws Exception {
        for (String path : List.of("/api/v1/returns/events", "/api/v1/returns/R-ANY/events")) {
            try (SseClient anonymous = SseClient.open(port, path, null, null);
                 SseClient roleless = SseClient.open(port, path, "kiosk", null)) {
                assertThat(anonymous.status()).as(path).isEqualTo(401);
                assertThat(roleless.status()).as(path).isEqualTo(403);
                assertThat(roleless.body()).contains("ACCESS_DENIED");
            }
        }
    }

    @Test
    void a_view_written_and_announced_by_another_node_reaches_the_subscriber() throws Exception {
        String returnId = newId("R");
        newStory(returnId).then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null));
        awaitStoredVersion(returnId, 0);
        try (SseClient stream = SseClient.open(port, "/api/v1/returns/" + returnId + "/events", "service-agent", null)) {
            awaitVersion(stream, 0);

            // another node's status projection: its write and its notification, in one transaction of its own
            transaction.executeWithoutResult(status -> {
                jdbc.update("UPDATE return_status_view SET last_sequence = 41, document = jsonb_set(jsonb_set("
                        + "document, '{version}', '41'), '{status}', '\"AUTHORIZED\"') WHERE return_id = ?", returnId);
                jdbc.queryForList("SELECT pg_notify('return_status', ?)", returnId + "|41");
            });

            awaitVersion(stream, 41);
            assertThat(status(stream.events().get(stream.events().size() - 1))).isEqualTo("AUTHORIZED");
        }
    }

    @Test
    void the_listener_listens_again_after_its_session_is_terminated() throws Exception {
        String returnId = newId("R");
        ReturnStory story = newStory(returnId);
        story.then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null));
        awaitStoredVersion(returnId, 0);
        double reconnectsBefore = meters.counter("omnireturns.status.updates.listener.reconnects").count();
        try (SseClient stream = SseClient.open(port, "/api/v1/returns/" + returnId + "/events", "service-agent", null)) {
            awaitVersion(stream, 0);
            Integer killed = listenerPid();

            assertThat(jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, killed)).isTrue();
            story.then(authorizedInFull(returnId));

            awaitVersion(stream, 1);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(listener.connected()).isTrue();
                assertThat(listenerPid()).isNotEqualTo(killed);
            });
            assertThat(meters.counter("omnireturns.status.updates.listener.reconnects").count())
                    .isGreaterThan(reconnectsBefore);
            story.then(new FraudAssessed(returnId, 3, false, List.of()));
            awaitVersion(stream, 2);
        }
    }

    @Test
    void a_return_requested_a_moment_ago_can_be_followed_before_its_view_is_written() throws Exception {
        StreamingEventProcessor statusView = eventProcessing.eventProcessor(ReturnStatusProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        String returnId = newId("R");
        statusView.shutDown();
        try {
            newStory(returnId).then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null));
            try (SseClient stream = SseClient.open(port, "/api/v1/returns/" + returnId + "/events", "service-agent",
                         null);
                 SseClient otherStore = SseClient.open(port, "/api/v1/returns/" + returnId + "/events", "store-001",
                         null)) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM return_status_view WHERE return_id = ?",
                        Integer.class, returnId)).as("not projected yet").isZero();
                assertThat(stream.status()).isEqualTo(200);
                assertThat(otherStore.status()).as("a web return is outside a store's scope").isEqualTo(404);

                statusView.start();
                awaitVersion(stream, 0);
            }
        } finally {
            statusView.start();
        }
        try (SseClient unknown = SseClient.open(port, "/api/v1/returns/R-NEVER-REQUESTED/events", "service-agent",
                null)) {
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @Test
    void a_polled_view_is_answered_from_memory_until_a_notification_says_it_changed() throws Exception {
        String returnId = newId("R");
        newStory(returnId).then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null));
        awaitStoredVersion(returnId, 0);
        await().atMost(WAIT).until(listener::connected);
        assertThat(polledVersion(returnId)).isZero();
        double hitsBefore = meters.counter("omnireturns.status.view.cache", "result", "hit").count();

        // written without a notification (no writer of this service does that): the kept view is still answered
        jdbc.update("UPDATE return_status_view SET last_sequence = 40, document = jsonb_set(document, '{version}', "
                + "'40') WHERE return_id = ?", returnId);
        assertThat(polledVersion(returnId)).isZero();
        assertThat(meters.counter("omnireturns.status.view.cache", "result", "hit").count()).isGreaterThan(hitsBefore);

        jdbc.queryForList("SELECT pg_notify('return_status', ?)", returnId + "|40");
        await().atMost(WAIT).untilAsserted(() -> assertThat(polledVersion(returnId)).isEqualTo(40));
    }

    @Test
    void a_view_this_node_writes_is_answered_from_memory_after_its_commit_exactly_as_the_database_answers_it()
            throws Exception {
        await().atMost(WAIT).until(listener::connected);
        String returnId = newId("R");
        ReturnStory story = newStory(returnId);
        story.then(requested(returnId, newId("O"), "C-100", SalesChannel.WEB, null), authorizedInFull(returnId));
        assertPolledFromMemoryAsStored(returnId, story.lastSequence());
        story.then(new FraudAssessed(returnId, 12, false, List.of()),
                new ReturnLabelIssued(returnId, "DHL", "JJD000123", "https://labels.example/JJD000123.pdf"),
                new ReturnItemsReceived(returnId, "RCPT-1", "WH-CENTRAL",
                        List.of(new ReceivedLine(SHIRTS, 2, SHIRT_SKU)), List.of()),
                new ReturnLinesInspected(returnId, "INSP-1", List.of(new InspectedLine(SHIRTS, 1, 1, Grade.USED,
                        Disposition.RESTOCK, false, "one shirt worn"))),
                new ReturnInspectionCompleted(returnId, "O-1", RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine(SHIRTS, 1, Grade.USED, ReturnReason.SIZE_OR_FIT)),
                        Map.of(SHOES, 1), false),
                oneShirtRefunded(returnId), new RefundRequested(returnId, returnId + ":refund", eur(3000)));
        assertPolledFromMemoryAsStored(returnId, story.lastSequence());
        story.then(new RefundIssued(returnId, "PAY-778", eur(3000)), new RefundSettled(returnId, "PAY-778"),
                new CreditMemoPosted(returnId, "CM-1", eur(3000)), new ReturnCompleted(returnId));
        assertPolledFromMemoryAsStored(returnId, story.lastSequence());
    }

    /** The projection's write of {@code version} is held without a read; it answers what the row answers. */
    private void assertPolledFromMemoryAsStored(String returnId, long version) throws Exception {
        await().atMost(WAIT).until(() -> recentViews.held(returnId, version).isPresent());
        double misses = meters.counter("omnireturns.status.view.cache", "result", "miss").count();
        String fromMemory = polled(returnId);
        assertThat(meters.counter("omnireturns.status.view.cache", "result", "miss").count()).isEqualTo(misses);

        recentViews.cleared(); // forgets every view: the next look-up reads the row
        String fromDatabase = polled(returnId);
        assertThat(meters.counter("omnireturns.status.view.cache", "result", "miss").count()).isEqualTo(misses + 1);
        assertThat(fromMemory).isEqualTo(fromDatabase);
        assertThat(JSON.readTree(fromMemory).path("version").asLong()).isEqualTo(version);
    }

    private long polledVersion(String returnId) throws Exception {
        return JSON.readTree(polled(returnId)).path("version").asLong();
    }

    private String polled(String returnId) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/api/v1/returns/" + returnId))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "service-agent:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Integer listenerPid() {
        return await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT pid FROM pg_stat_activity"
                + " WHERE application_name = 'omnireturns-status-listener'", Integer.class), pids -> pids.size() == 1)
                .get(0);
    }

    private static List<String> returnIds(SseClient stream) {
        return stream.events().stream().map(event -> {
            try {
                return JSON.readTree(event.data()).path("returnId").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private String status(SseClient.Event event) {
        try {
            JsonNode view = JSON.readTree(event.data());
            return view.path("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitVersion(SseClient stream, long version) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(stream.events())
                .extracting(SseClient.Event::version).contains(version));
    }

    private void awaitStoredVersion(String returnId, long version) {
        await().atMost(WAIT).until(() -> jdbc.queryForList(
                "SELECT last_sequence FROM return_status_view WHERE return_id = ?", Long.class, returnId),
                versions -> !versions.isEmpty() && versions.get(0) >= version);
    }

    private ReturnStory newStory(String returnId) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1))
                .plus(Duration.ofMinutes(STORY_START_MINUTES.addAndGet(30)));
        return new ReturnStory(eventStore, returnId, start);
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
