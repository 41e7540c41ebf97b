package io.omnireturns.query.kpi;

import io.omnireturns.api.kpi.DurationKpi;
import io.omnireturns.api.kpi.InterventionKpi;
import io.omnireturns.api.kpi.KpiFigures;
import io.omnireturns.api.kpi.KpiReport;
import io.omnireturns.api.kpi.RatioKpi;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The KPI base in PostgreSQL and the KPI figures computed from it: per return one row with the instants of its
 * milestones (when each was reached and when the customer was told of it, as JSON maps in the same row, so a batch
 * writes a return once), and the manual interventions. Percentiles are PostgreSQL's
 * {@code percentile_cont}, computed per channel and over all channels in one pass ({@code GROUPING SETS}).
 */
@Repository
class KpiRepository implements KpiWrites {

    /** The instants kept once per return: the first one wins. */
    enum FirstInstant {
        RECEIVED("received_at"),
        INSPECTION_COMPLETED("inspection_completed_at"),
        REFUND_ISSUED("refund_issued_at"),
        EXCEPTION_RAISED("exception_raised_at");

        private final String column;

        FirstInstant(String column) {
            this.column = column;
        }
    }

    static final String HOLD_RESOLUTION = "HOLD_RESOLUTION";
    static final String EXCEPTION_RETRY = "EXCEPTION_RETRY";

    /** The key of the all-channels row in a result grouped by channel. */
    private static final String ALL = "";

    private static final String REFUND_CYCLE_TIME = """
            SELECT channel, EXTRACT(EPOCH FROM refund_issued_at - requested_at)::float8 AS secs FROM kpi_return
            WHERE refund_issued_at >= :from AND refund_issued_at < :to""";
    private static final String REFUND_LATENCY = """
            SELECT channel, EXTRACT(EPOCH FROM refund_issued_at - inspection_completed_at)::float8 AS secs
            FROM kpi_return
            WHERE refund_issued_at >= :from AND refund_issued_at < :to AND inspection_completed_at IS NOT NULL""";
    private static final String INVENTORY_RESTATEMENT_LATENCY = """
            SELECT channel, EXTRACT(EPOCH FROM inventory_adjusted_at - received_at)::float8 AS secs FROM kpi_return
            WHERE inventory_adjusted_at >= :from AND inventory_adjusted_at < :to AND received_at IS NOT NULL""";
    private static final String NOTIFICATION_TIMELINESS = """
            SELECT r.channel,
                   EXTRACT(EPOCH FROM CAST(n.at AS timestamptz)
                                      - CAST(r.reached ->> n.milestone AS timestamptz))::float8 AS secs
            FROM kpi_return r CROSS JOIN LATERAL jsonb_each_text(r.notified) AS n(milestone, at)
            WHERE r.last_notified_at >= :from AND CAST(n.at AS timestamptz) >= :from
              AND CAST(n.at AS timestamptz) < :to AND r.reached ->> n.milestone IS NOT NULL""";

    private final NamedParameterJdbcTemplate jdbc;

    KpiRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- writes (in the processor's transaction) ------------------------------------------------

    @Override
    public void requested(String returnId, SalesChannel channel, Instant at) {
        jdbc.update("""
                INSERT INTO kpi_return (return_id, channel, requested_at) VALUES (:returnId, :channel, :at)
                ON CONFLICT (return_id) DO NOTHING""",
                params(returnId).addValue("channel", channel.name()).addValue("at", utc(at)));
    }

    @Override
    public void first(FirstInstant instant, String returnId, Instant at) {
        jdbc.update("UPDATE kpi_return SET " + instant.column + " = COALESCE(" + instant.column + ", :at)"
                + " WHERE return_id = :returnId", params(returnId).addValue("at", utc(at)));
    }

    @Override
    public void inventoryAdjusted(String returnId, Instant at) {
        jdbc.update("""
                UPDATE kpi_return SET inventory_adjusted_at = GREATEST(inventory_adjusted_at, :at)
                WHERE return_id = :returnId""", params(returnId).addValue("at", utc(at)));
    }

    @Override
    public void refundApproved(String returnId, Money total) {
        jdbc.update("""
                UPDATE kpi_return SET approved_refund_minor = :minor, approved_refund_currency = :currency
                WHERE return_id = :returnId""",
                params(returnId).addValue("minor", total.minor()).addValue("currency", total.currency()));
    }

    @Override
    public void creditMemoPosted(String returnId, Money amount, Instant at) {
        jdbc.update("""
                UPDATE kpi_return SET credit_memo_minor = :minor, credit_memo_currency = :currency,
                                      credit_memo_posted_at = COALESCE(credit_memo_posted_at, :at)
                WHERE return_id = :returnId""",
                params(returnId).addValue("minor", amount.minor()).addValue("currency", amount.currency())
                        .addValue("at", utc(at)));
    }

    @Override
    public void milestoneReached(String returnId, String milestone, Instant at) {
        jdbc.update("""
                UPDATE kpi_return
                   SET reached = jsonb_build_object(CAST(:milestone AS text), CAST(:at AS text)) || reached
                WHERE return_id = :returnId""",
                params(returnId).addValue("milestone", milestone).addValue("at", instant(at)));
    }

    @Override
    public void customerNotified(String returnId, String milestone, Instant at) {
        jdbc.update("""
                UPDATE kpi_return
                   SET notified = jsonb_build_object(CAST(:milestone AS text), CAST(:at AS text)) || notified,
                       last_notified_at = GREATEST(last_notified_at, CASE WHEN notified ->> CAST(:milestone AS text)
                           IS NULL THEN CAST(:at AS timestamptz) END)
                WHERE return_id = :returnId""",
                params(returnId).addValue("milestone", milestone).addValue("at", instant(at)));
    }

    @Override
    public void exceptionRetried(String returnId, long sequence, Instant at) {
        intervention(returnId, sequence, EXCEPTION_RETRY, at);
    }

    @Override
    public void holdResolved(String returnId, long sequence, Instant at) {
        if (!retried(returnId, sequence - 1)) {
            intervention(returnId, sequence, HOLD_RESOLUTION, at);
        }
    }

    /** Whether the return's event at {@code sequence} was a retry of its exceptions. */
    boolean retried(String returnId, long sequence) {
        Integer retried = jdbc.queryForObject("""
                SELECT count(*) FROM kpi_intervention
                WHERE return_id = :returnId AND sequence_number = :previous AND kind = :retry""",
                params(returnId).addValue("previous", sequence).addValue("retry", EXCEPTION_RETRY), Integer.class);
        return retried != null && retried > 0;
    }

    private void intervention(String returnId, long sequence, String kind, Instant at) {
        jdbc.update("""
                INSERT INTO kpi_intervention (return_id, sequence_number, kind, occurred_at)
                VALUES (:returnId, :sequence, :kind, :at) ON CONFLICT (return_id, sequence_number) DO NOTHING""",
                params(returnId).addValue("sequence", sequence).addValue("kind", kind).addValue("at", utc(at)));
    }

    /**
     * Writes what a batch recorded (see {@link KpiBatch}): one row write per return, each kind in one JDBC batch: the
     * returns requested in the batch inserted with all the batch says of them, the others updated, then the
     * interventions. The same rules as the statements above.
     */
    void write(KpiBatch.Rows rows) {
        if (!rows.requested().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO kpi_return (return_id, channel, requested_at, received_at, inspection_completed_at,
                                            refund_issued_at, exception_raised_at, inventory_adjusted_at,
                                            approved_refund_minor, approved_refund_currency, credit_memo_minor,
                                            credit_memo_currency, credit_memo_posted_at, reached, notified,
                                            last_notified_at)
                    VALUES (:returnId, :channel, :at, :receivedAt, :inspectionCompletedAt, :refundIssuedAt,
                            :exceptionRaisedAt, :inventoryAdjustedAt, :approvedMinor, :approvedCurrency,
                            :creditMemoMinor, :creditMemoCurrency, :creditMemoPostedAt, CAST(:reached AS jsonb),
                            CAST(:notified AS jsonb), :lastNotifiedAt)
                    ON CONFLICT (return_id) DO UPDATE SET
                        received_at = COALESCE(kpi_return.received_at, EXCLUDED.received_at),
                        inspection_completed_at = COALESCE(kpi_return.inspection_completed_at,
                                                           EXCLUDED.inspection_completed_at),
                        refund_issued_at = COALESCE(kpi_return.refund_issued_at, EXCLUDED.refund_issued_at),
                        exception_raised_at = COALESCE(kpi_return.exception_raised_at, EXCLUDED.exception_raised_at),
                        inventory_adjusted_at = GREATEST(kpi_return.inventory_adjusted_at,
                                                         EXCLUDED.inventory_adjusted_at),
                        approved_refund_minor = COALESCE(EXCLUDED.approved_refund_minor,
                                                         kpi_return.approved_refund_minor),
                        approved_refund_currency = COALESCE(EXCLUDED.approved_refund_currency,
                                                            kpi_return.approved_refund_currency),
                        credit_memo_minor = COALESCE(EXCLUDED.credit_memo_minor, kpi_return.credit_memo_minor),
                        credit_memo_currency = COALESCE(EXCLUDED.credit_memo_currency,
                                                        kpi_return.credit_memo_currency),
                        credit_memo_posted_at = COALESCE(kpi_return.credit_memo_posted_at,
                                                         EXCLUDED.credit_memo_posted_at),
                        reached = EXCLUDED.reached || kpi_return.reached,
                        notified = EXCLUDED.notified || kpi_return.notified,
                        last_notified_at = (SELECT max(CAST(v AS timestamptz))
                                            FROM jsonb_each_text(EXCLUDED.notified || kpi_return.notified) e(k, v))""",
                    rows.requested().toArray(SqlParameterSource[]::new));
        }
        if (!rows.returns().isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE kpi_return
                       SET received_at = COALESCE(received_at, :receivedAt),
                           inspection_completed_at = COALESCE(inspection_completed_at, :inspectionCompletedAt),
                           refund_issued_at = COALESCE(refund_issued_at, :refundIssuedAt),
                           exception_raised_at = COALESCE(exception_raised_at, :exceptionRaisedAt),
                           inventory_adjusted_at = GREATEST(inventory_adjusted_at, :inventoryAdjustedAt),
                           approved_refund_minor = COALESCE(:approvedMinor, approved_refund_minor),
                           approved_refund_currency = COALESCE(:approvedCurrency, approved_refund_currency),
                           credit_memo_minor = COALESCE(:creditMemoMinor, credit_memo_minor),
                           credit_memo_currency = COALESCE(:creditMemoCurrency, credit_memo_currency),
                           credit_memo_posted_at = COALESCE(credit_memo_posted_at, :creditMemoPostedAt),
                           reached = CAST(:reached AS jsonb) || reached,
                           notified = CAST(:notified AS jsonb) || notified,
                           last_notified_at = (SELECT max(CAST(v AS timestamptz))
                                               FROM jsonb_each_text(CAST(:notified AS jsonb) || notified) e(k, v))
                     WHERE return_id = :returnId""", rows.returns().toArray(SqlParameterSource[]::new));
        }
        if (!rows.interventions().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO kpi_intervention (return_id, sequence_number, kind, occurred_at)
                    VALUES (:returnId, :sequence, :kind, :at) ON CONFLICT (return_id, sequence_number) DO NOTHING""",
                    rows.interventions().toArray(SqlParameterSource[]::new));
        }
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("DELETE FROM kpi_intervention");
        jdbc.getJdbcTemplate().execute("DELETE FROM kpi_return");
    }

    // ---- figures --------------------------------------------------------------------------------

    KpiReport report(Instant from, Instant to, SalesChannel channel) {
        MapSqlParameterSource window = new MapSqlParameterSource()
                .addValue("from", utc(from))
                .addValue("to", utc(to))
                .addValue("channel", channel == null ? null : channel.name());
        Map<String, DurationKpi> refundCycleTime = durations(REFUND_CYCLE_TIME, window);
        Map<String, DurationKpi> refundLatency = durations(REFUND_LATENCY, window);
        Map<String, DurationKpi> inventoryLatency = durations(INVENTORY_RESTATEMENT_LATENCY, window);
        Map<String, DurationKpi> notificationTimeliness = durations(NOTIFICATION_TIMELINESS, window);
        Map<String, RatioKpi> exceptionRate = ratios("""
                SELECT channel, GROUPING(channel) AS overall,
                       count(*) FILTER (WHERE exception_raised_at IS NOT NULL) AS numerator, count(*) AS denominator
                FROM kpi_return
                WHERE requested_at >= :from AND requested_at < :to
                  AND (CAST(:channel AS VARCHAR) IS NULL OR channel = :channel)
                GROUP BY GROUPING SETS ((channel), ())""", window);
        Map<String, RatioKpi> postingAccuracy = ratios("""
                SELECT channel, GROUPING(channel) AS overall,
                       count(*) FILTER (WHERE credit_memo_minor = approved_refund_minor
                                          AND credit_memo_currency = approved_refund_currency) AS numerator,
                       count(*) AS denominator
                FROM kpi_return
                WHERE credit_memo_posted_at >= :from AND credit_memo_posted_at < :to
                  AND (CAST(:channel AS VARCHAR) IS NULL OR channel = :channel)
                GROUP BY GROUPING SETS ((channel), ())""", window);
        Map<String, InterventionKpi> interventions = new HashMap<>();
        jdbc.query("""
                SELECT r.channel, GROUPING(r.channel) AS overall,
                       count(*) FILTER (WHERE i.kind = 'HOLD_RESOLUTION') AS holds,
                       count(*) FILTER (WHERE i.kind = 'EXCEPTION_RETRY') AS retries
                FROM kpi_intervention i JOIN kpi_return r ON r.return_id = i.return_id
                WHERE i.occurred_at >= :from AND i.occurred_at < :to
                  AND (CAST(:channel AS VARCHAR) IS NULL OR r.channel = :channel)
                GROUP BY GROUPING SETS ((r.channel), ())""", window, rs -> {
            interventions.put(key(rs), InterventionKpi.of(rs.getLong("holds"), rs.getLong("retries")));
        });

        Map<SalesChannel, KpiFigures> byChannel = new EnumMap<>(SalesChannel.class);
        for (SalesChannel each : SalesChannel.values()) {
            if (channel == null || channel == each) {
                String key = each.name();
                byChannel.put(each, new KpiFigures(
                        refundCycleTime.getOrDefault(key, DurationKpi.none()),
                        refundLatency.getOrDefault(key, DurationKpi.none()),
                        exceptionRate.getOrDefault(key, RatioKpi.none()),
                        inventoryLatency.getOrDefault(key, DurationKpi.none()),
                        notificationTimeliness.getOrDefault(key, DurationKpi.none()),
                        interventions.getOrDefault(key, InterventionKpi.none()),
                        postingAccuracy.getOrDefault(key, RatioKpi.none())));
            }
        }
        KpiFigures figures = new KpiFigures(
                refundCycleTime.getOrDefault(ALL, DurationKpi.none()),
                refundLatency.getOrDefault(ALL, DurationKpi.none()),
                exceptionRate.getOrDefault(ALL, RatioKpi.none()),
                inventoryLatency.getOrDefault(ALL, DurationKpi.none()),
                notificationTimeliness.getOrDefault(ALL, DurationKpi.none()),
                interventions.getOrDefault(ALL, InterventionKpi.none()),
                postingAccuracy.getOrDefault(ALL, RatioKpi.none()));
        return new KpiReport(from, to, channel, figures, byChannel);
    }

    /** Count, percentiles and mean of the durations a query yields (columns channel, secs), per channel and overall. */
    private Map<String, DurationKpi> durations(String durationsQuery, MapSqlParameterSource window) {
        Map<String, DurationKpi> byChannel = new HashMap<>();
        jdbc.query("""
                SELECT channel, GROUPING(channel) AS overall, count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS p50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY secs) AS p90,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY secs) AS p99,
                       avg(secs) AS mean
                FROM (""" + durationsQuery + """
                ) durations
                WHERE CAST(:channel AS VARCHAR) IS NULL OR channel = :channel
                GROUP BY GROUPING SETS ((channel), ())""", window, rs -> {
            long count = rs.getLong("n");
            byChannel.put(key(rs), count == 0 ? DurationKpi.none() : new DurationKpi(count,
                    rs.getDouble("p50"), rs.getDouble("p90"), rs.getDouble("p99"), rs.getDouble("mean")));
        });
        return byChannel;
    }

    private Map<String, RatioKpi> ratios(String query, MapSqlParameterSource window) {
        Map<String, RatioKpi> byChannel = new HashMap<>();
        jdbc.query(query, window, rs -> {
            byChannel.put(key(rs), RatioKpi.of(rs.getLong("numerator"), rs.getLong("denominator")));
        });
        return byChannel;
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getInt("overall") == 1 ? ALL : rs.getString("channel");
    }

    private static MapSqlParameterSource params(String returnId) {
        return new MapSqlParameterSource("returnId", returnId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant as the milestone maps keep it: ISO-8601 in UTC, to the microsecond as the other columns. */
    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
