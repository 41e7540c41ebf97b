package io.omnireturns.query.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a status view is stored in a row, for the live table and its shadow alike: the columns, and the statement that
 * inserts a row (a conflict clause is the caller's).
 */
final class StatusViewColumns {

    // the stored document keeps one format whatever the web layer's JSON settings are
    static final ObjectMapper DOCUMENT_MAPPER = AxonInfrastructureConfiguration.storageObjectMapper();

    private StatusViewColumns() {
    }

    /** One return's row into {@code table} (a constant: the live table or its shadow). */
    static String insert(String table) {
        return "INSERT INTO " + table + """
                 (return_id, order_id, customer_id, status, hold_reason, channel,
                                            store_id, created_at, updated_at, last_sequence, document,
                                            underlying_systems)
                VALUES (:returnId, :orderId, :customerId, :status, :holdReason, :channel,
                        :storeId, :createdAt, :updatedAt, :version, CAST(:document AS jsonb),
                        CAST(:underlyingSystems AS jsonb))
                """;
    }

    /** The conflict clause that replaces a stored row only by a newer version. */
    static String replacingOlder(String table) {
        return """
                ON CONFLICT (return_id) DO UPDATE
                   SET status = EXCLUDED.status, hold_reason = EXCLUDED.hold_reason,
                       updated_at = EXCLUDED.updated_at, last_sequence = EXCLUDED.last_sequence,
                       document = EXCLUDED.document, underlying_systems = EXCLUDED.underlying_systems
                """ + " WHERE " + table + ".last_sequence < EXCLUDED.last_sequence";
    }

    static MapSqlParameterSource parameters(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        return new MapSqlParameterSource()
                .addValue("underlyingSystems", underlyingSystems.isEmpty() ? null
                        : toJson(underlyingSystems, view.returnId()))
                .addValue("returnId", view.returnId())
                .addValue("orderId", view.orderId())
                .addValue("customerId", view.customerId())
                .addValue("status", view.status().name())
                .addValue("holdReason", view.hold() == null ? null : view.hold().reason().name())
                .addValue("channel", view.channel().name())
                .addValue("storeId", view.storeId())
                .addValue("createdAt", view.createdAt().atOffset(ZoneOffset.UTC))
                .addValue("updatedAt", view.updatedAt().atOffset(ZoneOffset.UTC))
                .addValue("version", view.version())
                .addValue("document", toJson(view, view.returnId()));
    }

    private static String toJson(Object value, String returnId) {
        try {
            return DOCUMENT_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the status view of return " + returnId, e);
        }
    }
}
