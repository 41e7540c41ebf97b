package io.omnireturns.query.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.audit.RebuildPhase;
import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.api.audit.ViewRebuild;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code view_rebuild} row of each view: the running rebuild, or the last one, as every instance sees it. The
 * instance running the rebuild writes its progress; any instance reads it and may ask it to cancel.
 */
@Repository
class RebuildRecords {

    private static final ObjectMapper JSON = AxonInfrastructureConfiguration.storageObjectMapper();
    private static final TypeReference<List<ViewDifference>> DIFFERENCES = new TypeReference<>() {
    };
    private static final String RUNNING = "('REBUILDING', 'CATCHING_UP', 'VERIFYING', 'SWAPPING')";

    private final JdbcTemplate jdbc;

    RebuildRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new rebuild of the view; it replaces the row of the last one. */
    void start(RebuildProgress progress) {
        jdbc.update("""
                        INSERT INTO view_rebuild (view_name, rebuild_id, phase, requested_by, node, started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (view_name) DO UPDATE
                           SET rebuild_id = EXCLUDED.rebuild_id, phase = EXCLUDED.phase,
                               requested_by = EXCLUDED.requested_by, node = EXCLUDED.node,
                               started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at,
                               finished_at = NULL, through_index = NULL, returns_total = NULL, returns_rebuilt = 0,
                               catch_up_passes = 0, returns_caught_up = 0, returns_verified = NULL,
                               corrected = NULL, cancel_requested = FALSE, failure = NULL, differences = NULL
                        """, progress.view, progress.rebuildId, progress.phase.name(), progress.requestedBy,
                progress.node, utc(progress.startedAt), utc(progress.updatedAt));
    }

    /**
     * Writes the progress (in the caller's transaction, if any).
     *
     * @return whether operations asked to cancel it
     */
    boolean save(RebuildProgress progress) {
        List<Boolean> cancel = jdbc.query("""
                        UPDATE view_rebuild
                           SET phase = ?, updated_at = ?, finished_at = ?, through_index = ?, returns_total = ?,
                               returns_rebuilt = ?, catch_up_passes = ?, returns_caught_up = ?, returns_verified = ?,
                               corrected = ?, failure = ?, differences = CAST(? AS jsonb)
                         WHERE view_name = ? AND rebuild_id = ?
                        RETURNING cancel_requested
                        """, (rs, row) -> rs.getBoolean(1),
                progress.phase.name(), utc(progress.updatedAt), utc(progress.finishedAt), progress.throughIndex,
                progress.returnsTotal, progress.returnsRebuilt, progress.catchUpPasses, progress.returnsCaughtUp,
                progress.returnsVerified, progress.corrected, progress.failure, json(progress.differences),
                progress.view, progress.rebuildId);
        return cancel.isEmpty() || cancel.get(0); // a row taken over by another rebuild: stop
    }

    /** Locks the rebuild's row until the caller's transaction ends (a cancellation waits); whether it was cancelled. */
    boolean lockForSwap(RebuildProgress progress) {
        List<Boolean> cancel = jdbc.query("SELECT cancel_requested FROM view_rebuild"
                        + " WHERE view_name = ? AND rebuild_id = ? FOR UPDATE", (rs, row) -> rs.getBoolean(1),
                progress.view, progress.rebuildId);
        return cancel.isEmpty() || cancel.get(0);
    }

    Optional<ViewRebuild> find(String view) {
        return jdbc.query("SELECT * FROM view_rebuild WHERE view_name = ?", (rs, row) -> rebuild(rs), view)
                .stream().findFirst();
    }

    /** Asks the running rebuild to cancel; false when none is running. */
    boolean requestCancel(String view) {
        return jdbc.update("UPDATE view_rebuild SET cancel_requested = TRUE WHERE view_name = ? AND phase IN "
                + RUNNING, view) == 1;
    }

    /** A rebuild whose instance stopped without ending it (its lock went with its connection). */
    void abandoned(String view, String rebuildId, Instant now) {
        jdbc.update("UPDATE view_rebuild SET phase = 'FAILED', finished_at = ?, updated_at = ?, failure = ?"
                        + " WHERE view_name = ? AND rebuild_id = ? AND phase IN " + RUNNING,
                utc(now), utc(now), "the instance running it stopped before it ended; the live view was left as it "
                        + "was (a shadow table left behind is dropped by the next rebuild)", view, rebuildId);
    }

    private static ViewRebuild rebuild(ResultSet rs) throws SQLException {
        RebuildPhase phase = RebuildPhase.valueOf(rs.getString("phase"));
        Long total = (Long) rs.getObject("returns_total");
        long rebuilt = rs.getLong("returns_rebuilt");
        Double progress = phase == RebuildPhase.REBUILDING || (!phase.running() && phase != RebuildPhase.DONE)
                ? ratio(rebuilt, total) : Double.valueOf(1.0);
        return new ViewRebuild(rs.getString("view_name"), rs.getString("rebuild_id"), phase,
                rs.getString("requested_by"), rs.getString("node"), instant(rs, "started_at"),
                instant(rs, "updated_at"), instant(rs, "finished_at"), (Long) rs.getObject("through_index"), total,
                rebuilt, progress, rs.getInt("catch_up_passes"), rs.getLong("returns_caught_up"),
                (Long) rs.getObject("returns_verified"), (Long) rs.getObject("corrected"),
                rs.getBoolean("cancel_requested"), rs.getString("failure"), differences(rs.getString("differences")));
    }

    private static Double ratio(long rebuilt, Long total) {
        if (total == null) {
            return 0.0;
        }
        return total == 0 ? 1.0 : Math.round(Math.min(1.0, rebuilt / (double) total) * 1000) / 1000.0;
    }

    private static List<ViewDifference> differences(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, DIFFERENCES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read the differences of a view rebuild", e);
        }
    }

    private static String json(List<ViewDifference> differences) {
        if (differences == null || differences.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(differences);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the differences of a view rebuild", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
