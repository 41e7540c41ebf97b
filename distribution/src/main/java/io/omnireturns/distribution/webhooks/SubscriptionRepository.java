package io.omnireturns.distribution.webhooks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The subscriptions' table. Its keys are read only to sign ({@link #keysOf}); no view carries them. */
@Repository
class SubscriptionRepository {

    private static final String VIEW_COLUMNS = "subscription_id, url, event_types, description, state, state_reason, "
            + "created_at, updated_at, previous_secret_expires_at";

    private static final RowMapper<SubscriptionView> VIEW = (rs, row) -> new SubscriptionView(
            rs.getString("subscription_id"), rs.getString("url"), types(rs.getArray("event_types")),
            rs.getString("description"), SubscriptionState.valueOf(rs.getString("state")),
            rs.getString("state_reason"), instant(rs, "created_at"), instant(rs, "updated_at"),
            instant(rs, "previous_secret_expires_at"));

    private final JdbcTemplate jdbc;

    SubscriptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String url, List<String> eventTypes, String description, byte[] secret, Instant now) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into webhook_subscription (subscription_id, url, "
                    + "event_types, description, secret, state, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
            statement.setString(1, id);
            statement.setString(2, url);
            statement.setArray(3, connection.createArrayOf("text", eventTypes.toArray()));
            statement.setString(4, description);
            statement.setBytes(5, secret);
            statement.setString(6, SubscriptionState.ACTIVE.name());
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setTimestamp(8, Timestamp.from(now));
            return statement;
        });
    }

    List<SubscriptionView> findAll() {
        return jdbc.query("select " + VIEW_COLUMNS + " from webhook_subscription order by created_at, subscription_id",
                VIEW);
    }

    Optional<SubscriptionView> find(String id) {
        return jdbc.query("select " + VIEW_COLUMNS + " from webhook_subscription where subscription_id = ?", VIEW, id)
                .stream().findFirst();
    }

    /** The new secret signs from now on; the current one also signs until {@code previousUntil}. */
    boolean rotate(String id, byte[] newSecret, Instant previousUntil, Instant now) {
        return jdbc.update("update webhook_subscription set previous_secret = secret, "
                + "previous_secret_expires_at = ?, secret = ?, updated_at = ? where subscription_id = ?",
                Timestamp.from(previousUntil), newSecret, Timestamp.from(now), id) == 1;
    }

    boolean changeState(String id, SubscriptionState state, String reason, Instant now) {
        return jdbc.update("update webhook_subscription set state = ?, state_reason = ?, updated_at = ? "
                + "where subscription_id = ?", state.name(), reason, Timestamp.from(now), id) == 1;
    }

    boolean isActive(String id) {
        return !jdbc.queryForList("select 1 from webhook_subscription where subscription_id = ? and state = 'ACTIVE'",
                Integer.class, id).isEmpty();
    }

    /** The keys that sign a delivery at {@code now}: the current one, and the previous one while it is valid. */
    Optional<SigningKeys> keysOf(String id, Instant now) {
        return jdbc.query("select secret, previous_secret, previous_secret_expires_at from webhook_subscription "
                + "where subscription_id = ?", (rs, row) -> {
            Instant until = instant(rs, "previous_secret_expires_at");
            byte[] previous = until != null && until.isAfter(now) ? rs.getBytes("previous_secret") : null;
            return new SigningKeys(rs.getBytes("secret"), previous);
        }, id).stream().findFirst();
    }

    /** Every active subscription, with what it subscribes to and since when: one read per batch of events. */
    ActiveSubscriptions active() {
        return new ActiveSubscriptions(jdbc.query(
                "select subscription_id, event_types, created_at from webhook_subscription where state = 'ACTIVE'",
                (rs, row) -> new ActiveSubscriptions.Active(rs.getString("subscription_id"),
                        Set.copyOf(types(rs.getArray("event_types"))), instant(rs, "created_at"))));
    }

    private static List<String> types(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The HMAC keys of one subscription; never printed. */
    record SigningKeys(byte[] current, byte[] previous) {
        @Override
        public String toString() {
            return "SigningKeys[***]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SigningKeys keys && Arrays.equals(current, keys.current)
                    && Arrays.equals(previous, keys.previous);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(current);
        }
    }
}
