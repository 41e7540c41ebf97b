package io.omnireturns.query.exceptions;

import io.omnireturns.api.query.ExceptionPage;
import io.omnireturns.api.query.ExceptionState;
import io.omnireturns.api.query.ExceptionView;
import io.omnireturns.api.query.FindExceptions;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exception queue in PostgreSQL: one row per exception, plus the order and customer of every return so an
 * exception can name them. Every write joins the caller's transaction, so the processor commits rows and token
 * together; a write that finds a newer or equal sequence number on the row changes nothing.
 */
@Repository
class ExceptionQueueRepository {

    private static final String COLUMNS = "exception_id, return_id, order_id, customer_id, step, step_key, system,"
            + " failure_code, message, attempts, raised_at, case_id, state, resolution, resolved_by, resolved_at";

    private static final RowMapper<ExceptionView> VIEW = (rs, row) -> new ExceptionView(
            rs.getString("exception_id"),
            rs.getString("return_id"),
            rs.getString("order_id"),
            rs.getString("customer_id"),
            ProcessStep.valueOf(rs.getString("step")),
            rs.getString("step_key"),
            ExternalSystem.valueOf(rs.getString("system")),
            rs.getString("failure_code"),
            rs.getString("message"),
            rs.getInt("attempts"),
            instant(rs, "raised_at"),
            rs.getString("case_id"),
            ExceptionState.valueOf(rs.getString("state")),
            rs.getString("resolution"),
            rs.getString("resolved_by"),
            instant(rs, "resolved_at"));

    private final NamedParameterJdbcTemplate jdbc;

    ExceptionQueueRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a raised exception with its return's order and customer; false when it is already queued. */
    boolean insertIfAbsent(RaisedException raised) {
        return jdbc.update("""
                INSERT INTO exception_queue (exception_id, return_id, order_id, customer_id, step, step_key, system,
                                             failure_code, message, attempts, raised_at, state, last_sequence)
                VALUES (:exceptionId, :returnId, :orderId, :customerId, :step, :stepKey, :system,
                        :failureCode, :message, :attempts, :raisedAt, 'OPEN', :sequence)
                ON CONFLICT (exception_id) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("exceptionId", raised.exceptionId())
                .addValue("returnId", raised.returnId())
                .addValue("orderId", raised.orderId())
                .addValue("customerId", raised.customerId())
                .addValue("step", raised.step().name())
                .addValue("stepKey", raised.stepKey())
                .addValue("system", raised.system().name())
                .addValue("failureCode", raised.failureCode())
                .addValue("message", raised.message())
                .addValue("attempts", raised.attempts())
                .addValue("raisedAt", raised.raisedAt().atOffset(ZoneOffset.UTC))
                .addValue("sequence", raised.sequence())) == 1;
    }

    boolean caseOpened(String exceptionId, String caseId, long sequence) {
        return jdbc.update("""
                UPDATE exception_queue SET case_id = :caseId, last_sequence = :sequence
                 WHERE exception_id = :exceptionId AND last_sequence < :sequence
                """, new MapSqlParameterSource()
                .addValue("exceptionId", exceptionId)
                .addValue("caseId", caseId)
                .addValue("sequence", sequence)) == 1;
    }

    boolean resolved(String exceptionId, String resolution, String resolvedBy, Instant resolvedAt, long sequence) {
        return jdbc.update("""
                UPDATE exception_queue
                   SET state = 'RESOLVED', resolution = :resolution, resolved_by = :resolvedBy,
                       resolved_at = :resolvedAt, last_sequence = :sequence
                 WHERE exception_id = :exceptionId AND last_sequence < :sequence
                """, new MapSqlParameterSource()
                .addValue("exceptionId", exceptionId)
                .addValue("resolution", resolution)
                .addValue("resolvedBy", resolvedBy)
                .addValue("resolvedAt", resolvedAt.atOffset(ZoneOffset.UTC))
                .addValue("sequence", sequence)) == 1;
    }

    Optional<ExceptionView> find(String exceptionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exception_queue WHERE exception_id = :exceptionId",
                new MapSqlParameterSource("exceptionId", exceptionId), VIEW).stream().findFirst();
    }

    ExceptionPage search(FindExceptions query, int page, int size) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (query.state() != null) {
            conditions.add("state = :state");
            parameters.addValue("state", query.state().name());
        }
        if (query.system() != null) {
            conditions.add("system = :system");
            parameters.addValue("system", query.system().name());
        }
        if (query.returnId() != null && !query.returnId().isBlank()) {
            conditions.add("return_id = :returnId");
            parameters.addValue("returnId", query.returnId().strip());
        }
        if (query.raisedBefore() != null) {
            conditions.add("raised_at < :raisedBefore");
            parameters.addValue("raisedBefore", OffsetDateTime.ofInstant(query.raisedBefore(), ZoneOffset.UTC));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long offset = (long) page * size;
        parameters.addValue("limit", size).addValue("offset", offset);

        List<ExceptionView> content = jdbc.query("SELECT " + COLUMNS + " FROM exception_queue" + where
                + " ORDER BY raised_at DESC, exception_id DESC LIMIT :limit OFFSET :offset", parameters, VIEW);
        long total;
        if ((!content.isEmpty() && content.size() < size) || (content.isEmpty() && page == 0)) {
            total = offset + content.size(); // the last page: no need to count
        } else {
            total = jdbc.queryForObject("SELECT count(*) FROM exception_queue" + where, parameters, Long.class);
        }
        int totalPages = (int) ((total + size - 1) / size);
        return new ExceptionPage(content, page, size, total, totalPages);
    }

    void deleteAll() {
        jdbc.getJdbcOperations().execute("TRUNCATE TABLE exception_queue");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An exception as its event raised it: which return, step and system, why, and its sequence number. */
    /** An exception raised on a return; {@code orderId} and {@code customerId} null when its request is unknown. */
    record RaisedException(String exceptionId, String returnId, String orderId, String customerId,
                           ProcessStep step, String stepKey,
                           ExternalSystem system, String failureCode, String message, int attempts,
                           Instant raisedAt, long sequence) {
    }
}
