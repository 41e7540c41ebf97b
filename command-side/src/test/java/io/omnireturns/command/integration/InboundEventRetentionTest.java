package io.omnireturns.command.integration;

import io.omnireturns.command.CommandSideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The purge of the inbound webhook log, on real PostgreSQL. The database is shared with every other test, and a
 * purge deletes whatever was decided before its cut-off, so this test's rows were decided just short of the
 * retention ago ({@link #decidedAt()}), and its purges run with a clock that puts the cut-off no later than a second
 * after that: they delete nothing the scheduled purge (with the real clock) would not delete within minutes, and
 * never the rows other tests decide now. The scheduled purge leaves this test's rows alone for those minutes.
 */
@CommandSideIntegrationTest
class InboundEventRetentionTest {

    private static final IntegrationSystem CARRIER = IntegrationSystem.CARRIER;

    @Autowired
    InboundEventLog log;
    @Autowired
    IntegrationProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void applied_and_rejected_messages_go_after_the_retention_and_parked_or_in_flight_ones_never() {
        Instant decidedAt = decidedAt();
        Instant tenYearsBefore = decidedAt.minus(Duration.ofDays(3650));
        String applied = record(decidedAt);
        log.markApplied(CARRIER, applied, decidedAt);
        String rejected = record(decidedAt);
        log.markRejected(CARRIER, rejected, IntegrationErrors.UNKNOWN_RETURN, "no such return", decidedAt);
        String parked = record(tenYearsBefore);
        log.markParked(CARRIER, parked, "ILLEGAL_TRANSITION", "not yet", 3L);
        String inFlight = record(tenYearsBefore);
        List<String> all = List.of(applied, rejected, parked, inFlight);

        retentionAt(decidedAt.plus(properties.logRetention()).minusSeconds(1)).purge();
        assertThat(all).as("not old enough yet").allMatch(this::stored);

        retentionAt(decidedAt.plus(properties.logRetention()).plusSeconds(1)).purge();
        assertThat(stored(applied)).isFalse();
        assertThat(stored(rejected)).isFalse();
        assertThat(stored(parked)).as("still to be applied, received ten years ago").isTrue();
        assertThat(stored(inFlight)).as("being applied, whatever its age").isTrue();
    }

    @Test
    void many_old_messages_go_in_batches_and_two_nodes_purging_at_once_share_them_without_error() {
        Instant decidedAt = decidedAt();
        String prefix = "bulk-" + UUID.randomUUID() + "-";
        int messages = 2 * InboundEventRetention.BATCH_SIZE + 500;
        jdbc.update("""
                INSERT INTO inbound_integration_event (system, event_id, return_id, message_type, payload_sha256, body,
                    state, attempts, received_at, last_attempt_at, decided_at)
                SELECT 'CARRIER', ? || n, 'R-' || n, 'PARCEL_DELIVERED', repeat('0', 64), '\\x7b7d'::bytea,
                    'APPLIED', 1, ?, ?, ?
                FROM generate_series(1, ?) AS n""", prefix, Timestamp.from(decidedAt), Timestamp.from(decidedAt),
                Timestamp.from(decidedAt), messages);
        Instant later = decidedAt.plus(properties.logRetention()).plusSeconds(1);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> retentionAt(later).purge());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> retentionAt(later).purge());

        assertThat(first.join() + second.join()).isGreaterThanOrEqualTo(messages);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_integration_event WHERE event_id LIKE ?",
                Integer.class, prefix + "%")).isZero();
        assertThat(retentionAt(later).purge()).as("a second run finds nothing left").isZero();
    }

    @Test
    void both_purges_are_db_scheduler_recurring_tasks_so_one_node_runs_each_per_interval() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT task_name FROM scheduled_tasks WHERE task_instance = 'recurring'", String.class))
                .contains(IntegrationConfiguration.PURGE_TASK, "purge-idempotency-keys"));
    }

    /** Ten minutes short of the retention ago: old to a purge a retention later, young to the scheduled one. */
    private Instant decidedAt() {
        return Instant.now().minus(properties.logRetention()).plus(Duration.ofMinutes(10));
    }

    private InboundEventRetention retentionAt(Instant now) {
        return new InboundEventRetention(log, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String record(Instant now) {
        String eventId = "evt-" + UUID.randomUUID();
        CarrierMessage message = new CarrierMessage.ParcelDelivered("R-" + eventId, "DHL", "T-1", now);
        assertThat(log.insert(CARRIER, eventId, message, "0".repeat(64), "{}".getBytes(StandardCharsets.UTF_8), now))
                .isTrue();
        return eventId;
    }

    private boolean stored(String eventId) {
        return log.find(CARRIER, eventId).isPresent();
    }
}
