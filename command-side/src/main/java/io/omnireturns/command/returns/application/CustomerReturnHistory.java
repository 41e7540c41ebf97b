package io.omnireturns.command.returns.application;

import io.omnireturns.api.money.Money;
import io.omnireturns.command.policy.trust.CustomerReturnRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Each customer's returns as our own events record them: one row per authorized return, written by the request in the
 * transaction that records the return's events (so a crash loses both or neither; a request taken over after a crash
 * writes its row again, the same row). Read back per customer and currency over a look-back window, as the
 * {@link CustomerReturnRecord} trust tiers are read from. No event processor of its own: the request knows every
 * figure when it writes them.
 */
@Repository
public class CustomerReturnHistory {

    static final Duration VELOCITY_WINDOW = Duration.ofDays(30);

    private final JdbcTemplate jdbc;

    CustomerReturnHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One return: what was authorized back and what its order bought, in the order's currency. */
    void remember(String returnId, String customerId, String orderId, Instant requestedAt, Money returned,
                  Money orderValue, boolean kept) {
        if (!returned.currency().equals(orderValue.currency())) {
            throw new IllegalArgumentException("returned and ordered values of " + returnId + " differ in currency");
        }
        jdbc.update("""
                INSERT INTO customer_return_history (return_id, customer_id, order_id, currency, requested_at,
                                                     returned_minor, order_minor, kept)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (return_id) DO UPDATE
                   SET returned_minor = EXCLUDED.returned_minor, order_minor = EXCLUDED.order_minor,
                       kept = EXCLUDED.kept
                """, returnId, customerId, orderId, returned.currency(), Timestamp.from(requestedAt),
                returned.minor(), orderValue.minor(), kept);
    }

    /** The return was refunded at its first carrier scan: it counts towards the customer's instant-refund share. */
    void refundedEarly(String returnId) {
        jdbc.update("UPDATE customer_return_history SET instant_refund = true WHERE return_id = ?", returnId);
    }

    void forget(String returnId) {
        jdbc.update("DELETE FROM customer_return_history WHERE return_id = ?", returnId);
    }

    /**
     * The customer's returns in {@code currency} requested in the {@code lookBack} before {@code now}, leaving out
     * {@code returnId} (the return being assessed). Purchased value counts each order once.
     */
    CustomerReturnRecord recordOf(String customerId, String currency, String returnId, Instant now,
                                  Duration lookBack) {
        Timestamp since = Timestamp.from(now.minus(lookBack));
        Timestamp recently = Timestamp.from(now.minus(VELOCITY_WINDOW));
        return jdbc.queryForObject("""
                SELECT count(*) AS returns,
                       coalesce(sum(returned_minor), 0) AS returned,
                       count(*) FILTER (WHERE requested_at >= ?) AS recent,
                       count(*) FILTER (WHERE kept) AS kept,
                       count(*) FILTER (WHERE instant_refund) AS instant,
                       coalesce((SELECT sum(order_minor) FROM (
                           SELECT DISTINCT ON (order_id) order_minor FROM customer_return_history
                            WHERE customer_id = ? AND currency = ? AND requested_at >= ? AND return_id <> ?
                            ORDER BY order_id, requested_at DESC) orders), 0) AS purchased
                  FROM customer_return_history
                 WHERE customer_id = ? AND currency = ? AND requested_at >= ? AND return_id <> ?
                """, (rs, row) -> new CustomerReturnRecord(customerId, rs.getInt("returns"),
                        Money.of(rs.getLong("returned"), currency), Money.of(rs.getLong("purchased"), currency),
                        rs.getInt("recent"), rs.getInt("kept"), rs.getInt("instant")),
                recently, customerId, currency, since, returnId, customerId, currency, since, returnId);
    }
}
