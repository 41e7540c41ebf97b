package io.omnireturns.query.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the token store and the dead-letter queue say about every processor, read without claiming anything: the
 * segments, their owners and positions across all instances, and the dead letters per processing group.
 */
@Repository
class ProcessorTokens {

    private static final Logger log = LoggerFactory.getLogger(ProcessorTokens.class);

    private final JdbcTemplate jdbc;

    ProcessorTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every segment of the processor in the token store, in segment order. */
    List<Segment> segments(String processorName, Serializer tokenSerializer) {
        return jdbc.query("SELECT segment, owner, token, tokentype FROM tokenentry WHERE processorname = ?"
                        + " ORDER BY segment",
                (rs, row) -> new Segment(rs.getInt("segment"), rs.getString("owner"),
                        token(processorName, rs.getBytes("token"), rs.getString("tokentype"), tokenSerializer)),
                processorName);
    }

    /** Dead letters per processing group. */
    Map<String, DeadLetters> deadLetters() {
        Map<String, DeadLetters> counts = new HashMap<>();
        jdbc.query("SELECT processinggroup, count(*), count(DISTINCT sequenceidentifier) FROM deadletterentry"
                        + " GROUP BY processinggroup",
                rs -> {
                    counts.put(rs.getString(1), new DeadLetters(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    /**
     * Deletes the processing group's dead letters (in the caller's transaction): what a rebuild of its view has
     * applied already. Axon's sequence cache only skips look-ups of returns known to have none, so it stays right.
     */
    int deleteDeadLetters(String processingGroup) {
        return jdbc.update("DELETE FROM deadletterentry WHERE processinggroup = ?", processingGroup);
    }

    private static TrackingToken token(String processorName, byte[] token, String type, Serializer serializer) {
        if (token == null || type == null) {
            return null; // at the tail: nothing handled yet
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        } catch (RuntimeException e) {
            log.warn("Cannot read a token of processor {} ({}): {}", processorName, type, e.getMessage());
            return null;
        }
    }

    /** One segment as the token store holds it; a null token has handled nothing yet. */
    record Segment(int segment, String owner, TrackingToken token) {
    }

    record DeadLetters(long letters, long sequences) {
        static final DeadLetters NONE = new DeadLetters(0, 0);
    }
}
