package io.omnireturns.query.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.ReturnLedgerView;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The finance ledger in PostgreSQL: the state of every return, its bookings, and the closed periods with their
 * frozen reports. Every write joins the caller's transaction, so the processor commits bookings and token
 * together.
 * <p>
 * Closing a period and booking into it exclude each other through one PostgreSQL advisory lock: bookings take it
 * shared, a close takes it exclusively, so a close waits for the bookings under way, and a booking that comes
 * after it sees the period closed.
 */
@Repository
class FinanceLedgerRepository {

    // the stored documents keep one format whatever the web layer's JSON settings are
    private static final ObjectMapper DOCUMENT_MAPPER = AxonInfrastructureConfiguration.storageObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    /** The advisory lock key of the ledger's periods ("FINANCE" in ASCII). */
    private static final long PERIOD_LOCK = 0x46494E414E4345L;

    private static final String ENTRY_COLUMNS = "return_id, sequence_number, part, kind, booked_period, event_period,"
            + " occurred_at, order_id, channel, currency, amount_minor, quantity, order_line_id, sku, disposition,"
            + " location_id, tender_id, tender_type, reference, covered_lines, jurisdiction";

    private static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> new LedgerEntry(
            rs.getString("return_id"),
            rs.getLong("sequence_number"),
            rs.getInt("part"),
            LedgerEntryKind.valueOf(rs.getString("kind")),
            YearMonth.parse(rs.getString("booked_period")),
            YearMonth.parse(rs.getString("event_period")),
            instant(rs, "occurred_at"),
            rs.getString("order_id"),
            SalesChannel.valueOf(rs.getString("channel")),
            Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
            (Integer) rs.getObject("quantity"),
            rs.getString("order_line_id"),
            rs.getString("sku"),
            enumOrNull(Disposition.class, rs.getString("disposition")),
            rs.getString("location_id"),
            rs.getString("tender_id"),
            enumOrNull(TenderType.class, rs.getString("tender_type")),
            rs.getString("reference"),
            fromJson(rs.getString("covered_lines"), STRING_LIST),
            rs.getString("jurisdiction"));

    /** Rows fetched at a time when a report reads a period's bookings (inside its transaction, so a cursor). */
    private static final int STREAMING_FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    FinanceLedgerRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // same data source, so it joins the caller's transaction; only the fetch size differs
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(STREAMING_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    /** Held until the transaction ends; any number of bookings at once, never beside a close. */
    void lockForBooking() {
        jdbc.getJdbcOperations().query("SELECT pg_advisory_xact_lock_shared(?)", rs -> null, PERIOD_LOCK);
    }

    /** Held until the transaction ends; waits for the bookings under way and holds back new ones. */
    void lockForClosing() {
        jdbc.getJdbcOperations().query("SELECT pg_advisory_xact_lock(?)", rs -> null, PERIOD_LOCK);
    }

    // ---- the returns' state ---------------------------------------------------------------------------

    Optional<StoredState> findState(String returnId) {
        return jdbc.query("SELECT state::text AS state, last_sequence FROM finance_return WHERE return_id = :returnId",
                new MapSqlParameterSource("returnId", returnId),
                (rs, row) -> new StoredState(fromJson(rs.getString("state"), LedgerState.class),
                        rs.getLong("last_sequence"))).stream().findFirst();
    }

    void insertState(LedgerState state, long sequence) {
        jdbc.update("""
                INSERT INTO finance_return (return_id, order_id, channel, currency, refund_method, last_sequence, state)
                VALUES (:returnId, :orderId, :channel, :currency, :refundMethod, :sequence, CAST(:state AS jsonb))
                ON CONFLICT (return_id) DO NOTHING
                """, stateParameters(state, sequence));
    }

    void updateState(LedgerState state, long sequence) {
        jdbc.update("""
                UPDATE finance_return SET state = CAST(:state AS jsonb), last_sequence = :sequence
                 WHERE return_id = :returnId AND last_sequence < :sequence
                """, stateParameters(state, sequence));
    }

    /**
     * The states a replay batch changed, in one JDBC batch: a return the table did not have is inserted (or, if
     * another instance stored it meanwhile, replaces an older state), a stored one is replaced unless a newer or
     * equal sequence is there.
     */
    void writeStates(List<StateChange> changes) {
        SqlParameterSource[] inserts = changes.stream().filter(change -> !change.stored())
                .map(change -> stateParameters(change.state(), change.lastSequence()))
                .toArray(SqlParameterSource[]::new);
        SqlParameterSource[] updates = changes.stream().filter(StateChange::stored)
                .map(change -> stateParameters(change.state(), change.lastSequence()))
                .toArray(SqlParameterSource[]::new);
        if (inserts.length > 0) {
            jdbc.batchUpdate("""
                    INSERT INTO finance_return (return_id, order_id, channel, currency, refund_method, last_sequence,
                                                state)
                    VALUES (:returnId, :orderId, :channel, :currency, :refundMethod, :sequence, CAST(:state AS jsonb))
                    ON CONFLICT (return_id) DO UPDATE SET state = EXCLUDED.state, last_sequence = EXCLUDED.last_sequence
                     WHERE finance_return.last_sequence < EXCLUDED.last_sequence
                    """, inserts);
        }
        if (updates.length > 0) {
            jdbc.batchUpdate("""
                    UPDATE finance_return SET state = CAST(:state AS jsonb), last_sequence = :sequence
                     WHERE return_id = :returnId AND last_sequence < :sequence
                    """, updates);
        }
    }

    /** A return's state to write; {@code stored} when it was read from the table, so its row is there. */
    record StateChange(LedgerState state, long lastSequence, boolean stored) {
    }

    // ---- bookings ---------------------------------------------------------------------------------------

    /** A booking already there (a replayed event whose booking was kept in a closed period) is left as it is. */
    void insert(List<LedgerEntry> entries) {
        SqlParameterSource[] batch = entries.stream().map(FinanceLedgerRepository::entryParameters)
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO finance_entry (" + ENTRY_COLUMNS + ") VALUES (:returnId, :sequenceNumber,"
                + " :part, :kind, :bookedPeriod, :eventPeriod, :occurredAt, :orderId, :channel, :currency, :amountMinor,"
                + " :quantity, :orderLineId, :sku, :disposition, :locationId, :tenderId, :tenderType, :reference,"
                + " :coveredLines, :jurisdiction) ON CONFLICT (return_id, sequence_number, part) DO NOTHING", batch);
    }

    Optional<ReturnLedgerView> ledgerOf(String returnId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("returnId", returnId);
        List<ReturnLedgerView> heads = jdbc.query("SELECT order_id, channel, currency, refund_method FROM finance_return"
                + " WHERE return_id = :returnId", parameters, (rs, row) -> new ReturnLedgerView(returnId,
                rs.getString("order_id"), SalesChannel.valueOf(rs.getString("channel")), rs.getString("currency"),
                RefundMethod.valueOf(rs.getString("refund_method")), List.of()));
        return heads.stream().findFirst().map(head -> new ReturnLedgerView(head.returnId(), head.orderId(),
                head.channel(), head.currency(), head.refundMethod(),
                jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM finance_entry WHERE return_id = :returnId"
                        + " ORDER BY sequence_number, part", parameters, ENTRY).stream()
                        .map(LedgerEntry::toView).toList()));
    }

    /**
     * Per period: one row per currency and kind, and the same split by channel, by tender type and by disposition
     * (told apart by {@code grouping}, see {@link TotalsRow}). {@code bookings} counts events, not parts.
     */
    List<TotalsRow> totals(YearMonth period) {
        return jdbc.query("""
                SELECT currency, kind, channel, tender_type, disposition,
                       GROUPING(channel, tender_type, disposition) AS grouping,
                       count(DISTINCT return_id || '#' || sequence_number) AS bookings,
                       sum(amount_minor) AS amount_minor,
                       coalesce(sum(quantity), 0) AS quantity
                  FROM finance_entry
                 WHERE booked_period = :period
                 GROUP BY GROUPING SETS ((currency, kind), (currency, kind, channel), (currency, kind, tender_type),
                                         (currency, kind, disposition))
                """, new MapSqlParameterSource("period", AccountingPeriods.format(period)), (rs, row) -> new TotalsRow(
                rs.getInt("grouping"),
                rs.getString("currency"),
                LedgerEntryKind.valueOf(rs.getString("kind")),
                enumOrNull(SalesChannel.class, rs.getString("channel")),
                enumOrNull(TenderType.class, rs.getString("tender_type")),
                enumOrNull(Disposition.class, rs.getString("disposition")),
                rs.getLong("bookings"),
                rs.getLong("amount_minor"),
                rs.getLong("quantity")));
    }

    /**
     * The tax bookings per jurisdiction of {@code period} ({@code TAX_GIVEN_BACK}, {@code CREDIT_MEMO_TAX}), summed by
     * currency, jurisdiction and kind.
     */
    List<TaxRow> taxTotals(YearMonth period) {
        return jdbc.query("""
                SELECT currency, jurisdiction, kind, sum(amount_minor) AS amount_minor
                  FROM finance_entry
                 WHERE booked_period = :period AND kind IN ('TAX_GIVEN_BACK', 'CREDIT_MEMO_TAX')
                 GROUP BY currency, jurisdiction, kind
                 ORDER BY currency, jurisdiction, kind
                """, new MapSqlParameterSource("period", AccountingPeriods.format(period)), (rs, row) -> new TaxRow(
                rs.getString("currency"), rs.getString("jurisdiction"), LedgerEntryKind.valueOf(rs.getString("kind")),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency"))));
    }

    /** One currency, jurisdiction and kind of tax booking, summed over a period. */
    record TaxRow(String currency, String jurisdiction, LedgerEntryKind kind, Money amount) {
    }

    /** Every booking, of any period, of each return that has a booking in {@code period}; one return at a time. */
    void forEachReturnBookedIn(YearMonth period, Consumer<ReturnBookings> consumer) {
        List<LedgerEntry> current = new ArrayList<>();
        RowCallbackHandler handler = rs -> {
            LedgerEntry entry = ENTRY.mapRow(rs, 0);
            if (!current.isEmpty() && !current.get(0).returnId().equals(entry.returnId())) {
                consumer.accept(bookingsOf(current));
                current.clear();
            }
            current.add(entry);
        };
        streaming.query("SELECT " + ENTRY_COLUMNS + " FROM finance_entry WHERE return_id IN"
                        + " (SELECT return_id FROM finance_entry WHERE booked_period = :period)"
                        + " ORDER BY return_id, sequence_number, part",
                new MapSqlParameterSource("period", AccountingPeriods.format(period)), handler);
        if (!current.isEmpty()) {
            consumer.accept(bookingsOf(current));
        }
    }

    // ---- periods ------------------------------------------------------------------------------------------

    Set<YearMonth> closedPeriods() {
        return new HashSet<>(jdbc.query("SELECT period FROM finance_period", (rs, row) ->
                YearMonth.parse(rs.getString("period"))));
    }

    /** The report frozen when the period was closed; empty while it is open. */
    Optional<PeriodReconciliation> frozenReport(YearMonth period) {
        return jdbc.query("SELECT report::text AS report FROM finance_period WHERE period = :period",
                new MapSqlParameterSource("period", AccountingPeriods.format(period)),
                (rs, row) -> fromJson(rs.getString("report"), PeriodReconciliation.class)).stream().findFirst();
    }

    void insertClosed(PeriodReconciliation report) {
        jdbc.update("""
                INSERT INTO finance_period (period, closed_at, closed_by, report)
                VALUES (:period, :closedAt, :closedBy, CAST(:report AS jsonb))
                """, new MapSqlParameterSource()
                .addValue("period", report.period())
                .addValue("closedAt", report.closedAt().atOffset(ZoneOffset.UTC))
                .addValue("closedBy", report.closedBy())
                .addValue("report", toJson(report)));
    }

    /**
     * Before a replay: the returns' state and every booking of an open period go; the bookings of closed periods
     * and the frozen reports stay, so a replay never changes a closed period.
     */
    void deleteForReplay() {
        jdbc.getJdbcOperations().execute("TRUNCATE TABLE finance_return");
        jdbc.getJdbcOperations().update(
                "DELETE FROM finance_entry WHERE booked_period NOT IN (SELECT period FROM finance_period)");
    }

    // ---- mapping ------------------------------------------------------------------------------------------

    private static ReturnBookings bookingsOf(List<LedgerEntry> entries) {
        LedgerEntry first = entries.get(0);
        return new ReturnBookings(first.returnId(), first.orderId(), first.channel(), entries);
    }

    private static MapSqlParameterSource stateParameters(LedgerState state, long sequence) {
        return new MapSqlParameterSource()
                .addValue("returnId", state.returnId())
                .addValue("orderId", state.orderId())
                .addValue("channel", state.channel().name())
                .addValue("currency", state.currency())
                .addValue("refundMethod", state.refundMethod().name())
                .addValue("sequence", sequence)
                .addValue("state", toJson(state));
    }

    private static MapSqlParameterSource entryParameters(LedgerEntry entry) {
        return new MapSqlParameterSource()
                .addValue("returnId", entry.returnId())
                .addValue("sequenceNumber", entry.sequenceNumber())
                .addValue("part", entry.part())
                .addValue("kind", entry.kind().name())
                .addValue("bookedPeriod", AccountingPeriods.format(entry.bookedPeriod()))
                .addValue("eventPeriod", AccountingPeriods.format(entry.eventPeriod()))
                .addValue("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
                .addValue("orderId", entry.orderId())
                .addValue("channel", entry.channel().name())
                .addValue("currency", entry.amount().currency())
                .addValue("amountMinor", entry.amount().minor())
                .addValue("jurisdiction", entry.jurisdiction())
                .addValue("quantity", entry.quantity(), java.sql.Types.INTEGER)
                .addValue("orderLineId", entry.orderLineId())
                .addValue("sku", entry.sku())
                .addValue("disposition", entry.disposition() == null ? null : entry.disposition().name())
                .addValue("locationId", entry.locationId())
                .addValue("tenderId", entry.tenderId())
                .addValue("tenderType", entry.tenderType() == null ? null : entry.tenderType().name())
                .addValue("reference", entry.reference())
                .addValue("coveredLines", entry.coveredLines().isEmpty() ? null : toJson(entry.coveredLines()));
    }

    private static String toJson(Object value) {
        try {
            return DOCUMENT_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fromJson(String json, Class<T> type) {
        try {
            return DOCUMENT_MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return DOCUMENT_MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A return's state and the sequence number of the last event applied to it. */
    record StoredState(LedgerState state, long lastSequence) {
    }

    /**
     * One total of a period. {@code grouping} says which split it belongs to (PostgreSQL's GROUPING bits for
     * channel, tender type, disposition: 1 = not part of the group): {@link #BY_KIND}, {@link #BY_CHANNEL},
     * {@link #BY_TENDER}, {@link #BY_DISPOSITION}.
     */
    record TotalsRow(int grouping, String currency, LedgerEntryKind kind, SalesChannel channel,
                     TenderType tenderType, Disposition disposition, long bookings, long amountMinor,
                     long quantity) {

        static final int BY_KIND = 0b111;
        static final int BY_CHANNEL = 0b011;
        static final int BY_TENDER = 0b101;
        static final int BY_DISPOSITION = 0b110;

        Money amount() {
            return Money.of(amountMinor, currency);
        }
    }
}
