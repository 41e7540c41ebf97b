package io.omnireturns.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The return events as the event store holds them ({@code domainevententry}: payload type, ISO timestamp, JSON
 * payload as bytea), read with SQL, so the check depends on no node.
 */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its return, simple type name ({@code RefundIssued}), timestamp and payload. */
    public record Event(String returnId, long sequence, String type, Instant at, JsonNode payload) {
    }

    private final List<Event> events;

    private StoredEvents(List<Event> events) {
        this.events = events;
    }

    /** Events given as they are (tests). */
    public static StoredEvents of(List<Event> events) {
        return new StoredEvents(List.copyOf(events));
    }

    public static StoredEvents read(Connection connection) throws SQLException {
        List<Event> events = new ArrayList<>();
        String sql = "SELECT aggregateidentifier, sequencenumber, payloadtype, timestamp, "
                + "convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE payloadtype LIKE 'io.omnireturns.api.returns.event.%' ORDER BY globalindex";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String type = rows.getString(3);
                try {
                    events.add(new Event(rows.getString(1), rows.getLong(2), type.substring(type.lastIndexOf('.') + 1),
                            Instant.parse(rows.getString(4)), JSON.readTree(rows.getString(5))));
                } catch (IOException unreadable) {
                    throw new IllegalStateException("unreadable payload of " + type, unreadable);
                }
            }
        }
        return new StoredEvents(events);
    }

    public List<Event> all() {
        return events;
    }

    public List<Event> ofType(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    public Map<String, Long> countByReturn(String type) {
        return ofType(type).stream().collect(Collectors.groupingBy(Event::returnId, Collectors.counting()));
    }
}
