package io.omnireturns.command.integration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code inbound_integration_event}. Every statement commits on its own: no transaction is held
 * open while a command runs. Whoever moves a row to RECEIVED (the first insert, or a claim of a parked or
 * abandoned row) owns it until it records the outcome, so two nodes never apply the same message at once.
 */
@Component
class InboundEventLog {

    /** A stored message: enough to tell a repeated sender where it stands. */
    record Stored(IntegrationSystem system, String eventId, String returnId, InboundEventState state,
                  String payloadSha256, String lastErrorCode) {
    }

    /** A message that waits to be applied. */
    record Waiting(IntegrationSystem system, String eventId) {
    }

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcTemplate jdbc;

    InboundEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the sender's event id is known already; concurrent repeats insert exactly one row. */
    boolean insert(IntegrationSystem system, String eventId, InboundMessage message, String payloadSha256,
                   byte[] body, Instant now) {
        return jdbc.update("""
                INSERT INTO inbound_integration_event (system, event_id, return_id, message_type, payload_sha256, body,
                    state, attempts, received_at, last_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', 1, ?, ?)
                ON CONFLICT (system, event_id) DO NOTHING""",
                system.name(), eventId, message.returnId(), message.type(), payloadSha256, body,
                Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    Optional<Stored> find(IntegrationSystem system, String eventId) {
        return jdbc.query("""
                SELECT return_id, state, payload_sha256, last_error_code FROM inbound_integration_event
                WHERE system = ? AND event_id = ?""", (rs, n) -> new Stored(system, eventId, rs.getString("return_id"),
                InboundEventState.valueOf(rs.getString("state")), rs.getString("payload_sha256"),
                rs.getString("last_error_code")), system.name(), eventId).stream().findFirst();
    }

    /**
     * Takes a parked message, or one whose applier vanished before {@code abandonedBefore}, and answers its
     * body; empty when another thread or node has it or it is no longer waiting.
     */
    Optional<byte[]> claim(IntegrationSystem system, String eventId, Instant now, Instant abandonedBefore) {
        return jdbc.query("""
                UPDATE inbound_integration_event SET state = 'RECEIVED', attempts = attempts + 1, last_attempt_at = ?
                WHERE system = ? AND event_id = ?
                  AND (state = 'PARKED' OR (state = 'RECEIVED' AND last_attempt_at < ?))
                RETURNING body""", (rs, n) -> rs.getBytes("body"),
                Timestamp.from(now), system.name(), eventId, Timestamp.from(abandonedBefore)).stream().findFirst();
    }

    void markApplied(IntegrationSystem system, String eventId, Instant now) {
        decide(system, eventId, InboundEventState.APPLIED, null, null, now);
    }

    void markRejected(IntegrationSystem system, String eventId, String code, String error, Instant now) {
        decide(system, eventId, InboundEventState.REJECTED, code, error, now);
    }

    /** @param returnSequence the return's last event when it refused; null: retry on every sweep */
    void markParked(IntegrationSystem system, String eventId, String code, String error, Long returnSequence) {
        jdbc.update("""
                UPDATE inbound_integration_event SET state = 'PARKED', last_error_code = ?, last_error = ?,
                    parked_at_sequence = ?
                WHERE system = ? AND event_id = ? AND state = 'RECEIVED'""",
                code, bounded(error), returnSequence, system.name(), eventId);
    }

    private void decide(IntegrationSystem system, String eventId, InboundEventState state, String code, String error,
                        Instant now) {
        jdbc.update("""
                UPDATE inbound_integration_event SET state = ?, last_error_code = ?, last_error = ?, decided_at = ?,
                    parked_at_sequence = NULL
                WHERE system = ? AND event_id = ? AND state = 'RECEIVED'""",
                state.name(), code, bounded(error), Timestamp.from(now), system.name(), eventId);
    }

    /** The return's messages that wait (parked, or abandoned mid-way), in the order they arrived. */
    List<Waiting> waitingFor(String returnId, Instant abandonedBefore, int limit) {
        return jdbc.query("""
                SELECT system, event_id FROM inbound_integration_event
                WHERE return_id = ? AND (state = 'PARKED' OR (state = 'RECEIVED' AND last_attempt_at < ?))
                ORDER BY arrival LIMIT ?""",
                (rs, n) -> new Waiting(IntegrationSystem.valueOf(rs.getString("system")), rs.getString("event_id")),
                returnId, Timestamp.from(abandonedBefore), limit);
    }

    /**
     * Returns with a message worth another try: parked before the return's latest event (something happened
     * since it was refused), parked after a technical failure, or abandoned mid-way. Oldest first.
     */
    List<String> returnsWorthRetrying(Instant abandonedBefore, int limit) {
        return jdbc.queryForList("""
                SELECT i.return_id FROM inbound_integration_event i
                WHERE i.state IN ('RECEIVED', 'PARKED')
                  AND ((i.state = 'PARKED' AND (i.parked_at_sequence IS NULL OR EXISTS (
                          SELECT 1 FROM domainevententry d
                          WHERE d.aggregateidentifier = i.return_id AND d.sequencenumber > i.parked_at_sequence)))
                    OR (i.state = 'RECEIVED' AND i.last_attempt_at < ?))
                GROUP BY i.return_id ORDER BY min(i.arrival) LIMIT ?""",
                String.class, Timestamp.from(abandonedBefore), limit);
    }

    /**
     * Deletes up to {@code limit} messages decided (applied or rejected) before {@code cutoff}, oldest first; parked
     * and in-flight ones stay whatever their age. Rows another node is deleting at the same moment are skipped, so
     * two nodes purging at once never wait on each other or fail. Answers how many rows went.
     */
    int purgeDecidedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM inbound_integration_event WHERE (system, event_id) IN (
                    SELECT system, event_id FROM inbound_integration_event
                    WHERE state IN ('APPLIED', 'REJECTED') AND decided_at < ?
                    ORDER BY decided_at LIMIT ? FOR UPDATE SKIP LOCKED)""", Timestamp.from(cutoff), limit);
    }

    /** The sequence number of the return's latest event in the event store; null for no events. */
    Long lastEventSequence(String returnId) {
        return jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, returnId);
    }

    private static String bounded(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
