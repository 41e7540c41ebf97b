package io.omnireturns.query.analytics;

import io.omnireturns.api.analytics.AnalyticsDimension;
import io.omnireturns.api.analytics.DailyReturnsReport;
import io.omnireturns.api.analytics.DailyReturnsRow;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorCode;
import io.omnireturns.api.error.ErrorKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The daily aggregates of the returns-analytics feed: per day, breakdown value and currency, the returns, units,
 * value and ordered units of the lines asked to be returned that day. Computed at query time from the line rows, so a
 * return with lines under two reasons counts once under each, and once in a day's total by channel.
 */
@Service
public class ReturnsAnalytics {

    /** The longest period one answer covers. */
    public static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;

    public ReturnsAnalytics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DailyReturnsReport daily(LocalDate from, LocalDate to, AnalyticsDimension by) {
        if (!from.isBefore(to)) {
            throw invalid("from (" + from + ") must be before to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw invalid("a period covers at most " + MAX_DAYS + " days; ask for " + from + " to " + to
                    + " in parts");
        }
        String key = column(by);
        List<DailyReturnsRow> rows = jdbc.query("""
                SELECT day, %s AS key, currency, COUNT(DISTINCT return_id) AS returns, SUM(quantity) AS units,
                       COALESCE(SUM(value_minor), 0) AS value_minor, SUM(ordered_quantity) AS ordered_units
                FROM analytics_return_line
                WHERE day >= ? AND day < ?
                GROUP BY day, %s, currency
                ORDER BY day, key NULLS LAST, currency NULLS LAST""".formatted(key, key),
                (row, n) -> {
                    long units = row.getLong("units");
                    long ordered = row.getLong("ordered_units");
                    return new DailyReturnsRow(row.getDate("day").toLocalDate(), row.getString("key"),
                            row.getString("currency"), row.getLong("returns"), units, row.getLong("value_minor"),
                            ordered, ordered == 0 ? null : BigDecimal.valueOf(units)
                            .divide(BigDecimal.valueOf(ordered), 4, RoundingMode.HALF_EVEN));
                }, Date.valueOf(from), Date.valueOf(to));
        return new DailyReturnsReport(from, to, by, rows);
    }

    private static String column(AnalyticsDimension by) {
        return switch (by) {
            case REASON -> "reason";
            case SKU -> "sku";
            case CATEGORY -> "category";
            case CHANNEL -> "channel";
            case STORE -> "store_id";
        };
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorKind.INVALID_INPUT, ErrorCode.INVALID_PARAMETER.name(), message);
    }
}
