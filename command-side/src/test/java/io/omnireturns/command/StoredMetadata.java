package io.omnireturns.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The metadata of an aggregate's stored events of one type, as the event store wrote it, oldest first. */
public final class StoredMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredMetadata() {
    }

    public static List<JsonNode> of(JdbcTemplate jdbc, String aggregateId, String payloadType) {
        return jdbc.queryForList("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber", String.class,
                aggregateId, payloadType).stream().map(StoredMetadata::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
