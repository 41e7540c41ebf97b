package io.omnireturns.query.kpi;

import io.omnireturns.api.kpi.DurationKpi;
import io.omnireturns.api.kpi.RatioKpi;
import io.omnireturns.api.returns.ReturnReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The business KPIs over time: one {@link Point} per day or week (UTC, weeks from Monday) of [{@code from}, {@code to}),
 * every bucket present, an empty one with zero counts. Each figure counts what ended inside its bucket, as the
 * totals of {@code GET /api/v1/kpis} do.
 */
public record KpiSeries(Instant from, Instant to, Bucket bucket, List<Point> points) {

    public KpiSeries {
        points = List.copyOf(points);
    }

    /** How long one point covers. */
    public enum Bucket {
        DAY, WEEK;

        /** PostgreSQL's {@code date_trunc} field. */
        String field() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One bucket starting on {@code start}.
     *
     * @param returnCycleTime        return requested to refund issued, by the refund's bucket
     * @param refundLatency          inspection completed to refund issued, by the refund's bucket
     * @param exceptionRate          returns that raised an exception, of the returns requested in the bucket
     * @param inventoryRestatement   first receipt to the last inventory adjustment, by the adjustment's bucket
     * @param returnedLinesByReason  lines requested in the bucket per reason (every reason present, zero if none)
     */
    public record Point(LocalDate start, DurationKpi returnCycleTime, DurationKpi refundLatency,
                        RatioKpi exceptionRate, DurationKpi inventoryRestatement,
                        Map<ReturnReason, Long> returnedLinesByReason) {

        public Point {
            returnedLinesByReason = Map.copyOf(returnedLinesByReason);
        }

        /** All lines requested in the bucket, whatever the reason. */
        public long returnedLines() {
            return returnedLinesByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
