package io.omnireturns.query.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnPage;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.ReturnSummary;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status view in PostgreSQL: one row per return, searchable columns beside the whole view as JSONB, and
 * the normal states of the systems the view shows covered (what the projection needs, not what agents read).
 * Every write joins the caller's transaction, so the processor commits view and token together.
 */
@Repository
class ReturnStatusRepository {

    /** One return's row, as the live path and a replay's batch both write it (they differ on a conflict). */
    private static final String INSERT_VIEW = StatusViewColumns.insert(StatusViewShadow.LIVE);

    private static final ObjectMapper DOCUMENT_MAPPER = StatusViewColumns.DOCUMENT_MAPPER;
    private static final TypeReference<List<SystemStateView>> SYSTEM_STATES = new TypeReference<>() {
    };

    private static final String SUMMARY_COLUMNS =
            "return_id, order_id, customer_id, channel, store_id, status, hold_reason, created_at, updated_at";

    private static final RowMapper<ReturnSummary> SUMMARY = (rs, row) -> new ReturnSummary(
            rs.getString("return_id"),
            rs.getString("order_id"),
            rs.getString("customer_id"),
            SalesChannel.valueOf(rs.getString("channel")),
            rs.getString("store_id"),
            ReturnStatus.valueOf(rs.getString("status")),
            rs.getString("hold_reason") == null ? null : HoldReason.valueOf(rs.getString("hold_reason")),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final StatusChangeNotices notices;

    ReturnStatusRepository(NamedParameterJdbcTemplate jdbc,
                           org.springframework.beans.factory.ObjectProvider<StatusViewWrites> localReaders) {
        this.jdbc = jdbc;
        this.notices = new StatusChangeNotices(jdbc.getJdbcOperations(), localReaders.orderedStream().toList());
    }

    Optional<ReturnStatusView> find(String returnId) {
        List<String> documents = jdbc.queryForList(
                "SELECT document::text FROM return_status_view WHERE return_id = :returnId",
                new MapSqlParameterSource("returnId", returnId), String.class);
        return documents.stream().findFirst().map(ReturnStatusRepository::fromDocument);
    }

    /** The stored views of these returns, in no particular order; a return without a view is left out. */
    List<ReturnStatusView> findAll(java.util.Collection<String> returnIds) {
        if (returnIds.isEmpty()) {
            return List.of();
        }
        String[] ids = returnIds.toArray(String[]::new);
        return jdbc.getJdbcOperations().query(
                "SELECT document::text FROM return_status_view WHERE return_id = ANY (?::text[])",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", ids)),
                (rs, row) -> fromDocument(rs.getString(1)));
    }

    /** The views last changed by an event at or after {@code since}, newest first, at most {@code limit}. */
    List<ReturnStatusView> updatedSince(Instant since, int limit) {
        return jdbc.query("SELECT document::text FROM return_status_view WHERE updated_at >= :since"
                        + " ORDER BY updated_at DESC LIMIT :limit",
                new MapSqlParameterSource("since", since.atOffset(ZoneOffset.UTC)).addValue("limit", limit),
                (rs, row) -> fromDocument(rs.getString(1)));
    }

    /** The stored view of a return opened for change by the next event. */
    Optional<ReturnStatusDraft> openDraft(String returnId) {
        List<ReturnStatusDraft> drafts = jdbc.query(
                "SELECT document::text AS document, underlying_systems::text AS underlying_systems"
                        + " FROM return_status_view WHERE return_id = :returnId",
                new MapSqlParameterSource("returnId", returnId),
                (rs, row) -> ReturnStatusDraft.of(fromDocument(rs.getString("document")),
                        underlyingSystems(rs.getString("underlying_systems"))));
        return drafts.stream().findFirst();
    }

    /** Stores the first view of a return; false when it is already there (a redelivered request). */
    boolean insertIfAbsent(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        boolean inserted = jdbc.update(INSERT_VIEW + " ON CONFLICT (return_id) DO NOTHING",
                parameters(view, underlyingSystems)) == 1;
        if (inserted) {
            notices.writtenNow(view);
        }
        return inserted;
    }

    /**
     * Replaces the view unless a newer or equal version is already stored: an instance that lost its
     * segment claim may still be writing an older state.
     */
    boolean update(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        boolean updated = jdbc.update("""
                UPDATE return_status_view
                   SET status = :status, hold_reason = :holdReason, updated_at = :updatedAt,
                       last_sequence = :version, document = CAST(:document AS jsonb),
                       underlying_systems = CAST(:underlyingSystems AS jsonb)
                 WHERE return_id = :returnId AND last_sequence < :version
                """, parameters(view, underlyingSystems)) == 1;
        if (updated) {
            notices.writtenNow(view);
        }
        return updated;
    }

    /**
     * Writes the views a replay batch changed in one JDBC batch: a return the table did not have is inserted (or, if
     * another instance stored it meanwhile, replaces an older version), a stored one is replaced unless a newer or
     * equal version is there. Answers the views that were written; those of {@code announced} returns are announced
     * to every node's live subscribers ({@link StatusChangeNotices}), in the same transaction.
     */
    List<ReturnStatusView> write(List<Change> changes, java.util.function.Predicate<String> announced) {
        List<Change> inserts = changes.stream().filter(change -> !change.stored()).toList();
        List<Change> updates = changes.stream().filter(Change::stored).toList();
        List<ReturnStatusView> written = new ArrayList<>(changes.size());
        if (!inserts.isEmpty()) {
            collect(inserts, jdbc.batchUpdate(INSERT_VIEW + StatusViewColumns.replacingOlder(StatusViewShadow.LIVE),
                    parameters(inserts)), written);
        }
        if (!updates.isEmpty()) {
            collect(updates, jdbc.batchUpdate("""
                    UPDATE return_status_view
                       SET status = :status, hold_reason = :holdReason, updated_at = :updatedAt,
                           last_sequence = :version, document = CAST(:document AS jsonb),
                           underlying_systems = CAST(:underlyingSystems AS jsonb)
                     WHERE return_id = :returnId AND last_sequence < :version
                    """, parameters(updates)), written);
        }
        notices.written(written, view -> announced.test(view.returnId()));
        return written;
    }

    private static MapSqlParameterSource[] parameters(List<Change> changes) {
        return changes.stream().map(change -> parameters(change.view(), change.underlyingSystems()))
                .toArray(MapSqlParameterSource[]::new);
    }

    private static void collect(List<Change> changes, int[] counts, List<ReturnStatusView> written) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) { // 1, or "done, count unknown" from a driver that rewrites batches
                written.add(changes.get(i).view());
            }
        }
    }

    /** A view to write; {@code stored} when it was read from the table, so its row is there. */
    record Change(ReturnStatusView view, List<SystemStateView> underlyingSystems, boolean stored) {
    }

    ReturnPage search(SearchReturns query, int page, int size) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        filter(conditions, parameters, "order_id", query.orderId());
        filter(conditions, parameters, "customer_id", query.customerId());
        filter(conditions, parameters, "status", query.status() == null ? null : query.status().name());
        filter(conditions, parameters, "channel", query.channel() == null ? null : query.channel().name());
        filter(conditions, parameters, "store_id", query.storeId());
        if (query.createdFrom() != null) {
            conditions.add("created_at >= :createdFrom");
            parameters.addValue("createdFrom", query.createdFrom().atOffset(ZoneOffset.UTC));
        }
        if (query.createdTo() != null) {
            conditions.add("created_at < :createdTo");
            parameters.addValue("createdTo", query.createdTo().atOffset(ZoneOffset.UTC));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long offset = (long) page * size;
        parameters.addValue("limit", size).addValue("offset", offset);

        List<ReturnSummary> content = jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM return_status_view" + where
                + " ORDER BY created_at DESC, return_id LIMIT :limit OFFSET :offset", parameters, SUMMARY);
        long total;
        if ((!content.isEmpty() && content.size() < size) || (content.isEmpty() && page == 0)) {
            total = offset + content.size(); // the last page: no need to count
        } else {
            total = jdbc.queryForObject("SELECT count(*) FROM return_status_view" + where, parameters, Long.class);
        }
        int totalPages = (int) ((total + size - 1) / size);
        return new ReturnPage(content, page, size, total, totalPages);
    }

    void deleteAll() {
        jdbc.getJdbcOperations().execute("TRUNCATE TABLE return_status_view");
        notices.cleared();
    }

    private static void filter(List<String> conditions, MapSqlParameterSource parameters, String column,
                               String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + column);
            parameters.addValue(column, value.strip());
        }
    }

    private static MapSqlParameterSource parameters(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        return StatusViewColumns.parameters(view, underlyingSystems);
    }

    /** Null while nothing covers a system (and in rows stored before the column existed). */
    private static List<SystemStateView> underlyingSystems(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return DOCUMENT_MAPPER.readValue(json, SYSTEM_STATES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read the stored system states of a status view", e);
        }
    }

    private static ReturnStatusView fromDocument(String document) {
        try {
            return DOCUMENT_MAPPER.readValue(document, ReturnStatusView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a stored status view", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
