package io.omnireturns.query.audit;

import io.omnireturns.platform.database.LongStatements;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads Axon's event table directly, always one bounded page per statement: no transaction stays open while a
 * caller works through the pages (the connections cut idle transactions after a few seconds), memory holds one page
 * at a time however many events there are, and each statement is bounded by an index (the global index, or the
 * (aggregate, sequence number) key), so no plan can make it scan the whole table. Only the events of the return
 * aggregate are a return's events.
 */
@Repository
public class EventStoreReader {

    /** The aggregate type the command side stores a return's events under. */
    public static final String RETURN_AGGREGATE = "ReturnAggregate";

    private static final String COLUMNS = "globalindex, aggregateidentifier, type, sequencenumber, eventidentifier,"
            + " payloadtype, payloadrevision, timestamp, payload, metadata";
    /** Axon stores timestamps as ISO-8601 text; compared as instants, whatever their number of decimals. */
    private static final String AT = "CAST(timestamp AS timestamptz)";

    private static final RowMapper<StoredEvent> STORED_EVENT = (rs, row) -> new StoredEvent(
            rs.getLong("globalindex"),
            rs.getString("aggregateidentifier"),
            rs.getString("type"),
            rs.getLong("sequencenumber"),
            rs.getString("eventidentifier"),
            rs.getString("payloadtype"),
            rs.getString("payloadrevision"),
            DateTimeUtils.parseInstant(rs.getString("timestamp")),
            rs.getBytes("payload"),
            rs.getBytes("metadata"));

    private final JdbcTemplate jdbc;

    public EventStoreReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The return's events from a sequence number on, in their order, at most {@code limit}. */
    public List<StoredEvent> returnEvents(String returnId, long fromSequenceNumber, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND type = ? AND sequencenumber >= ?"
                        + " ORDER BY sequencenumber LIMIT ?",
                STORED_EVENT, returnId, RETURN_AGGREGATE, fromSequenceNumber, limit);
    }

    /** The return's events with sequence numbers from one to another, both included, at most {@code limit}. */
    public List<StoredEvent> returnEvents(String returnId, long fromSequenceNumber, long throughSequenceNumber,
                                          int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND type = ? AND sequencenumber BETWEEN ? AND ?"
                        + " ORDER BY sequencenumber LIMIT ?",
                STORED_EVENT, returnId, RETURN_AGGREGATE, fromSequenceNumber, throughSequenceNumber, limit);
    }

    public boolean hasReturn(String returnId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND type = ?)", Boolean.class, returnId, RETURN_AGGREGATE));
    }

    /** The sequence number of the return's last event that had happened by the instant, if any had. */
    public Optional<Long> lastSequenceNumberAt(String returnId, Instant instant) {
        Long last = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND type = ? AND " + AT + " <= ?",
                Long.class, returnId, RETURN_AGGREGATE, utc(instant));
        return Optional.ofNullable(last);
    }

    /**
     * The events (of every aggregate) that happened in {@code [from, to)} among the global indexes above
     * {@code afterGlobalIndex} and up to {@code throughGlobalIndex}, in global index order, at most {@code limit}.
     * Callers keep the index span small: timestamps are not indexed, and a span bounds what one statement scans
     * whatever plan the database picks.
     */
    public List<StoredEvent> eventsBetween(Instant from, Instant to, long afterGlobalIndex, long throughGlobalIndex,
                                           int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry"
                        + " WHERE globalindex > ? AND globalindex <= ? AND " + AT + " >= ? AND " + AT + " < ?"
                        + " ORDER BY globalindex LIMIT ?",
                STORED_EVENT, afterGlobalIndex, throughGlobalIndex, utc(from), utc(to), limit);
    }

    /** The returns whose first event has a global index in {@code (afterGlobalIndex, throughGlobalIndex]}, in that order. */
    public List<String> returnsStartedBetween(long afterGlobalIndex, long throughGlobalIndex) {
        return jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry"
                        + " WHERE globalindex > ? AND globalindex <= ? AND sequencenumber = 0 AND type = ?"
                        + " ORDER BY globalindex",
                String.class, afterGlobalIndex, throughGlobalIndex, RETURN_AGGREGATE);
    }

    /**
     * The returns with any event whose global index is in {@code (afterGlobalIndex, throughGlobalIndex]}, in no
     * particular order, each once. Callers keep the span small.
     */
    public List<String> returnsWithEventsBetween(long afterGlobalIndex, long throughGlobalIndex) {
        return jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry"
                        + " WHERE globalindex > ? AND globalindex <= ? AND type = ?",
                String.class, afterGlobalIndex, throughGlobalIndex, RETURN_AGGREGATE);
    }

    /**
     * How many returns were requested up to the global index: one statement over the whole event table (no index
     * says where the first events are), so it runs without the driver's network timeout on a large store.
     */
    public long countReturnsThrough(long throughGlobalIndex) {
        Long count = LongStatements.get(jdbc.getDataSource(), () -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex <= ? AND sequencenumber = 0 AND type = ?",
                Long.class, throughGlobalIndex, RETURN_AGGREGATE));
        return count == null ? 0 : count;
    }

    /**
     * Every event of the given returns, return by return (in the order of their ids) and in sequence order within
     * each. Events appended after a caller's snapshot are for the caller to leave out: a bound on the global index
     * here would tempt the database into scanning that whole index.
     */
    public List<StoredEvent> eventsOfReturns(List<String> returnIds) {
        if (returnIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry"
                        + " WHERE aggregateidentifier = ANY (?) AND type = ?"
                        + " ORDER BY aggregateidentifier, sequencenumber",
                STORED_EVENT, returnIds.toArray(String[]::new), RETURN_AGGREGATE);
    }

    /** The last sequence number of each of the given returns, whenever its events happened. */
    public List<ReturnSequence> lastSequenceNumbers(List<String> returnIds) {
        if (returnIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT aggregateidentifier, max(sequencenumber) FROM domainevententry"
                        + " WHERE aggregateidentifier = ANY (?) AND type = ? GROUP BY aggregateidentifier",
                (rs, row) -> new ReturnSequence(rs.getString(1), rs.getLong(2)),
                returnIds.toArray(String[]::new), RETURN_AGGREGATE);
    }

    /**
     * The last sequence number of each of the given returns among its events up to the global index (a return without
     * such an event is left out).
     */
    public List<ReturnSequence> lastSequenceNumbersThrough(List<String> returnIds, long throughGlobalIndex) {
        if (returnIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT aggregateidentifier, max(sequencenumber) FILTER (WHERE globalindex <= ?)"
                        + " FROM domainevententry WHERE aggregateidentifier = ANY (?) AND type = ?"
                        + " GROUP BY aggregateidentifier HAVING count(*) FILTER (WHERE globalindex <= ?) > 0",
                (rs, row) -> new ReturnSequence(rs.getString(1), rs.getLong(2)),
                throughGlobalIndex, returnIds.toArray(String[]::new), RETURN_AGGREGATE, throughGlobalIndex);
    }

    /** The global index of the newest event, -1 when the store is empty. */
    public long headGlobalIndex() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A return and the sequence number of its last event. */
    public record ReturnSequence(String returnId, long lastSequenceNumber) {
    }
}
