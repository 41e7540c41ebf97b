package io.omnireturns.command.returns.application;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The Idempotency-Key ledger of return requests, one namespace per caller (the signed-in principal's name). The
 * key's row is claimed with one atomic insert, so among any number of concurrent identical requests of one caller
 * exactly one creates the return; the others wait for its answer.
 */
@Component
class ReturnRequestIdempotency {

    sealed interface Claim permits Claimed, Answered, InProgress, Mismatch {
    }

    /** This request owns the key; {@code takenOver}: an earlier owner died mid-way and its return may exist. */
    record Claimed(String returnId, boolean takenOver) implements Claim {
    }

    record Answered(int status, String body) implements Claim {
    }

    record InProgress(String returnId) implements Claim {
    }

    record Mismatch() implements Claim {
    }

    private static final int MAX_CALLER_LENGTH = 255;
    private static final String HASHED = "sha256:";

    private final JdbcTemplate jdbc;

    ReturnRequestIdempotency(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(String callerName, String key, String requestHash, Instant now, Duration takeoverAfter) {
        String caller = namespace(callerName);
        String returnId = UUID.randomUUID().toString();
        int inserted = jdbc.update("""
                INSERT INTO return_request_idempotency (caller, idempotency_key, request_hash, return_id, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (caller, idempotency_key) DO NOTHING""",
                caller, key, requestHash, returnId, Timestamp.from(now));
        if (inserted == 1) {
            return new Claimed(returnId, false);
        }
        try {
            return jdbc.queryForObject("""
                    SELECT request_hash, return_id, response_status, response_body, created_at
                    FROM return_request_idempotency WHERE caller = ? AND idempotency_key = ?""", (rs, n) -> {
                if (!rs.getString("request_hash").equals(requestHash)) {
                    return new Mismatch();
                }
                int status = rs.getInt("response_status");
                if (!rs.wasNull()) {
                    return new Answered(status, rs.getString("response_body"));
                }
                Timestamp createdAt = rs.getTimestamp("created_at");
                String existingId = rs.getString("return_id");
                if (createdAt.toInstant().plus(takeoverAfter).isBefore(now) && takeOver(caller, key, createdAt, now)) {
                    return new Claimed(existingId, true);
                }
                return new InProgress(existingId);
            }, caller, key);
        } catch (EmptyResultDataAccessException forgottenMeanwhile) {
            return claim(callerName, key, requestHash, now, takeoverAfter);
        }
    }

    private boolean takeOver(String caller, String key, Timestamp previousClaim, Instant now) {
        return jdbc.update("""
                UPDATE return_request_idempotency SET created_at = ?
                WHERE caller = ? AND idempotency_key = ? AND created_at = ?""",
                Timestamp.from(now), caller, key, previousClaim) == 1;
    }

    void answer(String callerName, String key, String returnId, int status, String body, Instant now) {
        String caller = namespace(callerName);
        jdbc.update("""
                UPDATE return_request_idempotency SET response_status = ?, response_body = ?, answered_at = ?
                WHERE caller = ? AND idempotency_key = ? AND return_id = ? AND response_status IS NULL""",
                status, body, Timestamp.from(now), caller, key, returnId);
    }

    /** Nothing was created: free the key so the client can try again (only the claim of this return). */
    void forget(String callerName, String key, String returnId) {
        String caller = namespace(callerName);
        jdbc.update("""
                DELETE FROM return_request_idempotency
                WHERE caller = ? AND idempotency_key = ? AND return_id = ? AND response_status IS NULL""",
                caller, key, returnId);
    }

    /**
     * The caller's name as stored: a name longer than the column (never seen in practice) by its SHA-256, and so is a
     * name that itself starts with {@value #HASHED}, or a caller named like another's hash would share its keys.
     */
    static String namespace(String callerName) {
        if (callerName.length() <= MAX_CALLER_LENGTH && !callerName.startsWith(HASHED)) {
            return callerName;
        }
        try {
            return HASHED + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(callerName.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Deletes up to {@code limit} keys answered before {@code cutoff}, oldest first. An unanswered claim stays
     * whatever its age: its request may still be running, or be taken over. Rows another node is deleting at the
     * same moment are skipped. Answers how many rows went.
     */
    int purgeAnsweredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM return_request_idempotency WHERE (caller, idempotency_key) IN (
                    SELECT caller, idempotency_key FROM return_request_idempotency
                    WHERE response_status IS NOT NULL AND answered_at < ?
                    ORDER BY answered_at LIMIT ? FOR UPDATE SKIP LOCKED)""", Timestamp.from(cutoff), limit);
    }
}
