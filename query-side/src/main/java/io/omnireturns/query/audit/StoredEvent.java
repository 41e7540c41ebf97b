package io.omnireturns.query.audit;

import java.time.Instant;

/**
 * One row of the event store ({@code domainevententry}) as stored: payload and metadata still serialized.
 *
 * @param payloadRevision the revision the payload was stored under, null when the type has none
 */
public record StoredEvent(long globalIndex, String aggregateId, String aggregateType, long sequenceNumber,
                          String eventId, String payloadType, String payloadRevision, Instant timestamp,
                          byte[] payload, byte[] metadata) {
}
