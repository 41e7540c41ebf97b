package io.omnireturns.api.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event exactly as the event store holds it, for auditors: the return's history and the export of a time
 * range both answer in this shape.
 *
 * @param globalIndex    position in the whole event store; the export's order and its continuation point
 * @param aggregateId    the aggregate the event belongs to: the return id for a return's events
 * @param aggregateType  e.g. {@code ReturnAggregate}
 * @param sequenceNumber position in the aggregate's own history, from 0 without gaps
 * @param eventId        the event's unique id
 * @param eventType      simple name of the payload type, e.g. {@code ReturnPutOnHold}
 * @param payloadType    fully qualified payload type as stored
 * @param revision       the payload's revision as stored; the event catalogue says what each revision changed
 * @param timestamp      when the event happened (millisecond precision)
 * @param actor          who acted ({@code actor} metadata), null when the event carries none
 * @param sourceSystem   through which system ({@code sourceSystem} metadata), null when none
 * @param correlationId  the conversation the event belongs to ({@code correlationId} metadata)
 * @param traceId        the distributed trace ({@code traceId} metadata)
 * @param causationId    the message that directly caused it ({@code causationId} metadata), when recorded
 * @param metadata       all metadata as stored, the named entries above included
 * @param payload        the payload as stored: a JSON object, never re-interpreted by today's code
 */
public record AuditEvent(long globalIndex, String aggregateId, String aggregateType, long sequenceNumber,
                         String eventId, String eventType, String payloadType, String revision, Instant timestamp,
                         String actor, String sourceSystem, String correlationId, String traceId, String causationId,
                         Map<String, Object> metadata, Object payload) {

    public AuditEvent {
        // metadata values may be null, which Map.copyOf refuses
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
