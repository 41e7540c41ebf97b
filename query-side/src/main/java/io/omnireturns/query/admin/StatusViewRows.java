package io.omnireturns.query.admin;

import io.omnireturns.platform.database.LongStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The live status view's rows as stored, columns and documents alike, for comparing them with what the events
 * say. Read only.
 */
@Repository
class StatusViewRows {

    private final JdbcTemplate jdbc;

    StatusViewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> find(List<String> returnIds) {
        if (returnIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        SELECT return_id, order_id, customer_id, status, hold_reason, channel, store_id, created_at,
                               updated_at, last_sequence, document::text AS document,
                               underlying_systems::text AS underlying_systems
                          FROM return_status_view WHERE return_id = ANY (?)
                        """,
                (rs, row) -> new Row(rs.getString("return_id"), rs.getString("order_id"),
                        rs.getString("customer_id"), rs.getString("status"), rs.getString("hold_reason"),
                        rs.getString("channel"), rs.getString("store_id"), instant(rs, "created_at"),
                        instant(rs, "updated_at"), rs.getLong("last_sequence"), rs.getString("document"),
                        rs.getString("underlying_systems")),
                (Object) returnIds.toArray(String[]::new));
    }

    /**
     * Rows of returns that have no event at all in the store: how many, and the first {@code limit} found. One
     * statement without ORDER BY or LIMIT, which would tempt the database into a nested loop over the event table.
     * It reads the whole view against the event table, so it runs without the driver's network timeout.
     */
    Orphans withoutEvents(String aggregateType, int limit) {
        List<String> first = new ArrayList<>();
        long[] count = {0};
        LongStatements.run(jdbc.getDataSource(), () -> jdbc.query("SELECT v.return_id FROM return_status_view v"
                        + " WHERE NOT EXISTS (SELECT 1 FROM domainevententry e"
                        + " WHERE e.aggregateidentifier = v.return_id AND e.type = ?)",
                rs -> {
                    count[0]++;
                    if (first.size() < limit) {
                        first.add(rs.getString(1));
                    }
                }, aggregateType));
        return new Orphans(count[0], first);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record Row(String returnId, String orderId, String customerId, String status, String holdReason,
               String channel, String storeId, Instant createdAt, Instant updatedAt, long lastSequence,
               String document, String underlyingSystems) {
    }

    record Orphans(long count, List<String> first) {
    }
}
