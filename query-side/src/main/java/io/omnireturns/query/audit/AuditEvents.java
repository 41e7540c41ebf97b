package io.omnireturns.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.audit.AuditEvent;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stored event as auditors read it: payload and metadata exactly as stored (parsed, never re-interpreted by
 * today's classes or upcasters), the named metadata entries lifted out beside them.
 */
public final class AuditEvents {

    /** Metadata keys the correlation data providers write on every message a request causes. */
    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";
    static final String CAUSATION_ID = "causationId";

    private static final Logger log = LoggerFactory.getLogger(AuditEvents.class);
    private static final ObjectMapper STORED_JSON = AxonInfrastructureConfiguration.storageObjectMapper();
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };

    private AuditEvents() {
    }

    public static AuditEvent of(StoredEvent event) {
        Map<String, Object> metadata = metadata(event);
        return new AuditEvent(event.globalIndex(), event.aggregateId(), event.aggregateType(),
                event.sequenceNumber(), event.eventId(), simpleName(event.payloadType()), event.payloadType(),
                event.payloadRevision(), event.timestamp(),
                text(metadata.get(AxonInfrastructureConfiguration.ACTOR)),
                text(metadata.get(AxonInfrastructureConfiguration.SOURCE_SYSTEM)),
                text(metadata.get(CORRELATION_ID)),
                text(metadata.get(TRACE_ID)),
                text(metadata.get(CAUSATION_ID)),
                metadata, payload(event));
    }

    /** {@code io.omnireturns.api.returns.event.ReturnPutOnHold} is {@code ReturnPutOnHold}. */
    static String simpleName(String payloadType) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** A JSON tree, written back as it was stored (nulls included); text if the payload is not JSON. */
    private static Object payload(StoredEvent event) {
        try {
            return STORED_JSON.readTree(event.payload());
        } catch (IOException e) {
            log.warn("Payload of event {} ({}) is not JSON; shown as text", event.eventId(), event.payloadType());
            return new String(event.payload(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> metadata(StoredEvent event) {
        if (event.metadata() == null || event.metadata().length == 0) {
            return Map.of();
        }
        try {
            Map<String, Object> metadata = STORED_JSON.readValue(event.metadata(), METADATA);
            return metadata == null ? Map.of() : metadata;
        } catch (IOException e) {
            log.warn("Metadata of event {} is not a JSON object; left out", event.eventId());
            return Map.of();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
