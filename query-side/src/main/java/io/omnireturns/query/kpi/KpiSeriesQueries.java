package io.omnireturns.query.kpi;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.kpi.DurationKpi;
import io.omnireturns.api.kpi.RatioKpi;
import io.omnireturns.api.returns.ReturnReason;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPIs per day or week ({@link KpiSeries}) for the staff console's charts: the same durations and shares as
 * {@code GET /api/v1/kpis}, grouped by {@code date_trunc} in UTC instead of summed over the window. Reads only
 * columns of {@code kpi_return} that {@code V6__kpi.sql} created, and the reasons of the requested lines from the
 * status view's stored document ({@code return_status_view.document -> 'lines' -> 'reason'}), as the KPI base keeps
 * no reasons.
 */
@Service
public class KpiSeriesQueries {

    /** The most buckets one series holds (a year of days). */
    public static final int MAX_BUCKETS = 400;

    private static final String DURATIONS = """
            SELECT CAST(date_trunc(CAST(:field AS TEXT), ended AT TIME ZONE 'UTC') AS DATE) AS bucket, count(*) AS n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY secs) AS p90,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY secs) AS p99,
                   avg(secs) AS mean
            FROM (%s) durations
            WHERE ended >= :from AND ended < :to
            GROUP BY 1""";
    private static final String RETURN_CYCLE_TIME = """
            SELECT refund_issued_at AS ended, EXTRACT(EPOCH FROM refund_issued_at - requested_at)::float8 AS secs
            FROM kpi_return WHERE refund_issued_at IS NOT NULL""";
    private static final String REFUND_LATENCY = """
            SELECT refund_issued_at AS ended,
                   EXTRACT(EPOCH FROM refund_issued_at - inspection_completed_at)::float8 AS secs
            FROM kpi_return WHERE refund_issued_at IS NOT NULL AND inspection_completed_at IS NOT NULL""";
    private static final String INVENTORY_RESTATEMENT = """
            SELECT inventory_adjusted_at AS ended,
                   EXTRACT(EPOCH FROM inventory_adjusted_at - received_at)::float8 AS secs
            FROM kpi_return WHERE inventory_adjusted_at IS NOT NULL AND received_at IS NOT NULL""";
    private static final String EXCEPTION_RATE = """
            SELECT CAST(date_trunc(CAST(:field AS TEXT), requested_at AT TIME ZONE 'UTC') AS DATE) AS bucket,
                   count(*) FILTER (WHERE exception_raised_at IS NOT NULL) AS numerator, count(*) AS denominator
            FROM kpi_return
            WHERE requested_at >= :from AND requested_at < :to
            GROUP BY 1""";
    private static final String LINES_BY_REASON = """
            SELECT CAST(date_trunc(CAST(:field AS TEXT), v.created_at AT TIME ZONE 'UTC') AS DATE) AS bucket,
                   line ->> 'reason' AS reason, count(*) AS lines
            FROM return_status_view v CROSS JOIN LATERAL jsonb_array_elements(v.document -> 'lines') AS line
            WHERE v.created_at >= :from AND v.created_at < :to
            GROUP BY 1, 2""";

    private final NamedParameterJdbcTemplate jdbc;

    public KpiSeriesQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The series over the days {@code first} to {@code last}, both included (UTC). */
    @Transactional(readOnly = true)
    public KpiSeries series(LocalDate first, LocalDate last, KpiSeries.Bucket bucket) {
        List<LocalDate> starts = bucketStarts(first, last, bucket);
        Instant from = starts.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = next(starts.get(starts.size() - 1), bucket).atStartOfDay(ZoneOffset.UTC).toInstant();
        MapSqlParameterSource window = new MapSqlParameterSource()
                .addValue("field", bucket.field())
                .addValue("from", from.atOffset(ZoneOffset.UTC))
                .addValue("to", to.atOffset(ZoneOffset.UTC));
        Map<LocalDate, DurationKpi> cycle = durations(RETURN_CYCLE_TIME, window);
        Map<LocalDate, DurationKpi> latency = durations(REFUND_LATENCY, window);
        Map<LocalDate, DurationKpi> restatement = durations(INVENTORY_RESTATEMENT, window);
        Map<LocalDate, RatioKpi> exceptions = new HashMap<>();
        jdbc.query(EXCEPTION_RATE, window, rs -> {
            exceptions.put(rs.getObject("bucket", LocalDate.class),
                    RatioKpi.of(rs.getLong("numerator"), rs.getLong("denominator")));
        });
        Map<LocalDate, Map<ReturnReason, Long>> reasons = new HashMap<>();
        jdbc.query(LINES_BY_REASON, window, rs -> {
            ReturnReason reason = reason(rs.getString("reason"));
            reasons.computeIfAbsent(rs.getObject("bucket", LocalDate.class), day -> new EnumMap<>(ReturnReason.class))
                    .merge(reason, rs.getLong("lines"), Long::sum);
        });
        List<KpiSeries.Point> points = new ArrayList<>();
        for (LocalDate start : starts) {
            Map<ReturnReason, Long> byReason = new EnumMap<>(ReturnReason.class);
            for (ReturnReason reason : ReturnReason.values()) {
                byReason.put(reason, reasons.getOrDefault(start, Map.of()).getOrDefault(reason, 0L));
            }
            points.add(new KpiSeries.Point(start, cycle.getOrDefault(start, DurationKpi.none()),
                    latency.getOrDefault(start, DurationKpi.none()), exceptions.getOrDefault(start, RatioKpi.none()),
                    restatement.getOrDefault(start, DurationKpi.none()), byReason));
        }
        return new KpiSeries(from, to, bucket, points);
    }

    /** The first day of every bucket from the one holding {@code first} to the one holding {@code last}. */
    static List<LocalDate> bucketStarts(LocalDate first, LocalDate last, KpiSeries.Bucket bucket) {
        if (first == null || last == null || last.isBefore(first)) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER",
                    "the range must end on or after the day it starts");
        }
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = start(first, bucket); !start.isAfter(last); start = next(start, bucket)) {
            if (starts.size() == MAX_BUCKETS) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER",
                        "a series holds at most " + MAX_BUCKETS + " " + bucket.field() + "s; choose a shorter range"
                                + " or weeks");
            }
            starts.add(start);
        }
        return starts;
    }

    private static LocalDate start(LocalDate day, KpiSeries.Bucket bucket) {
        return bucket == KpiSeries.Bucket.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    private static LocalDate next(LocalDate start, KpiSeries.Bucket bucket) {
        return bucket == KpiSeries.Bucket.WEEK ? start.plusWeeks(1) : start.plusDays(1);
    }

    private Map<LocalDate, DurationKpi> durations(String durationsQuery, MapSqlParameterSource window) {
        Map<LocalDate, DurationKpi> byBucket = new HashMap<>();
        jdbc.query(DURATIONS.formatted(durationsQuery), window, rs -> {
            byBucket.put(rs.getObject("bucket", LocalDate.class), new DurationKpi(rs.getLong("n"),
                    rs.getDouble("p50"), rs.getDouble("p90"), rs.getDouble("p99"), rs.getDouble("mean")));
        });
        return byBucket;
    }

    private static ReturnReason reason(String name) {
        try {
            return name == null ? ReturnReason.OTHER : ReturnReason.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return ReturnReason.OTHER;
        }
    }
}
