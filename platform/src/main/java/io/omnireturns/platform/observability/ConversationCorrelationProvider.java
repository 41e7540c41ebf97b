package io.omnireturns.platform.observability;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Takes the place of Axon's {@code MessageOriginProvider}: a message caused by another keeps the cause's
 * {@code correlationId} and {@code traceId} unchanged (the ids the HTTP request came with, or the first message's
 * id), so every command, event, saga step and outbound call of one request shares them; the direct cause, which
 * Axon calls the correlation id, is kept as {@code causationId}.
 */
public class ConversationCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        Map<String, Object> data = new HashMap<>(4);
        data.put(CorrelationIds.CORRELATION_ID, cause.getMetaData().getOrDefault(CorrelationIds.CORRELATION_ID,
                cause.getIdentifier()));
        data.put(CorrelationIds.TRACE_ID, cause.getMetaData().getOrDefault(CorrelationIds.TRACE_ID,
                cause.getIdentifier()));
        data.put(CorrelationIds.CAUSATION_ID, cause.getIdentifier());
        return data;
    }
}
