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
import java.util.List;
import java.util.UUID;

/**
 * The Idempotency-Key ledger of return requests, one namespace per caller (the signed-in principal's name). Two ways
 * to use it, so that among any number of concurrent identical requests of one caller exactly one creates the return
 * and the others get its answer:
 * <ul>
 *   <li>in the transaction that creates the return ({@link #lockAndLook}, then {@link #record}): a transaction lock
 *       on the key makes duplicates wait until the first has committed or rolled back, and the key's row is written
 *       once, with its answer;</li>
 *   <li>step by step ({@link #claim}, then {@link #answer} or {@link #forget}): the key's row is claimed with one
 *       atomic insert committed on its own, and a claim whose owner died is taken over.</li>
 * </ul>
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

    /**
     * What the key holds for this caller, without a lock: {@code null} when nothing, never {@link Claimed}. An
     * unanswered claim is {@link InProgress}.
     */
    Claim look(String callerName, String key, String requestHash) {
        List<Claim> found = jdbc.query("""
                SELECT request_hash, return_id, response_status, response_body
                FROM return_request_idempotency WHERE caller = ? AND idempotency_key = ?""", (rs, n) -> {
            if (!rs.getString("request_hash").equals(requestHash)) {
                return new Mismatch();
            }
            int status = rs.getInt("response_status");
            return rs.wasNull() ? new InProgress(rs.getString("return_id"))
                    : new Answered(status, rs.getString("response_body"));
        }, namespace(callerName), key);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Inside a transaction: waits for any other transaction holding this caller's key, then {@link #look}s. The lock
     * is held until this transaction ends, so {@code null} means the key is this transaction's to {@link #record}.
     */
    Claim lockAndLook(String callerName, String key, String requestHash) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", row -> { },
                "return-request:" + namespace(callerName) + "\n" + key);
        return look(callerName, key, requestHash);
    }

    /**
     * Inside the transaction that created the return, under {@link #lockAndLook}'s lock: the key and its answer in one
     * row. False when a step-by-step claim of the key (which takes no lock) got there first; the caller then rolls back.
     */
    boolean record(String callerName, String key, String requestHash, String returnId, int status, String body,
                   Instant now) {
        return jdbc.update("""
                INSERT INTO return_request_idempotency (caller, idempotency_key, request_hash, return_id, created_at,
                                                        response_status, response_body, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (caller, idempotency_key) DO NOTHING""",
                namespace(callerName), key, requestHash, returnId, Timestamp.from(now), status, body,
                Timestamp.from(now)) == 1;
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
