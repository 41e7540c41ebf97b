package io.omnireturns.query.analytics;

import io.omnireturns.api.integration.ReturnInitiatedV1;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The rows of the returns-analytics feed: one per returned line, written once (the key keeps a second write out). */
@Repository
public class ReturnsAnalyticsRepository {

    private final JdbcTemplate jdbc;

    public ReturnsAnalyticsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void recordInitiated(ReturnInitiatedV1 initiated, Instant at) {
        Date day = Date.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDate());
        List<Object[]> rows = initiated.lines().stream().map(line -> row(initiated, line, day)).toList();
        jdbc.batchUpdate("""
                INSERT INTO analytics_return_line (return_id, order_line_id, day, channel, store_id, reason, sku,
                    category, quantity, value_minor, currency, ordered_quantity)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (return_id, order_line_id) DO NOTHING""", rows);
    }

    private static Object[] row(ReturnInitiatedV1 initiated, ReturnInitiatedV1.Line line, Date day) {
        Long value = line.unitPrice() == null ? null : Math.multiplyExact(line.unitPrice().minor(), line.quantity());
        return new Object[]{initiated.returnId(), line.orderLineId(), day, initiated.channel(), initiated.storeId(),
                line.reason(), line.sku(), line.category(), line.quantity(), value,
                line.unitPrice() == null ? null : line.unitPrice().currency(), line.orderedQuantity()};
    }

    void deleteAll() {
        jdbc.update("DELETE FROM analytics_return_line");
    }
}
