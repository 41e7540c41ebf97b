package io.omnireturns.distribution.kafka;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * How far the publisher is behind, from the token store: the head of the event store against the slowest segment's
 * stored token, whichever node holds it (Axon's own status forgets a segment while it backs off after a failure, so
 * it cannot tell). Also when that slowest position last moved, the health's measure of a stuck publisher. Read at
 * most once a second, without claiming anything.
 */
class PublisherLag {

    private static final Duration CACHE = Duration.ofSeconds(1);

    /** One reading; {@code lag} is -1 when the token store has no segment of the publisher yet. */
    record Reading(long lag, long position, long head, Instant positionSince) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final EventStore eventStore;
    private final Clock clock;
    private Reading last;
    private Instant readAt = Instant.MIN;

    PublisherLag(JdbcTemplate jdbc, Serializer tokenSerializer, EventStore eventStore, Clock clock) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    synchronized Reading read() {
        Instant now = clock.instant();
        if (last != null && readAt.plus(CACHE).isAfter(now)) {
            return last;
        }
        List<Long> positions = jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, row) -> position(rs.getBytes("token"), rs.getString("tokentype")),
                KafkaPublisher.PROCESSING_GROUP);
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Reading reading;
        if (positions.isEmpty()) {
            reading = new Reading(-1, -1, head, now);
        } else {
            long slowest = positions.stream().mapToLong(Long::longValue).min().orElse(-1);
            // the clock starts when the publisher is found behind, and restarts whenever it moves
            Instant since = last != null && last.lag() > 0 && last.position() == slowest ? last.positionSince() : now;
            reading = new Reading(Math.max(0, head - slowest), slowest, head, since);
        }
        last = reading;
        readAt = now;
        return reading;
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type,
                null));
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.orElse(-1);
    }
}
