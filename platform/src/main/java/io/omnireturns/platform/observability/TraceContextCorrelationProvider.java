package io.omnireturns.platform.observability;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Puts the trace context into every message a handler sends or applies: the context of the span the handler runs in
 * (its {@link TracingHandlerInterceptor} span), else the one its cause carried. Events applied by a command handler
 * therefore name the command's span as their parent, and the event processors' spans hang below it.
 */
public class TraceContextCorrelationProvider implements CorrelationDataProvider {

    private final MessageTracing tracing;

    public TraceContextCorrelationProvider(MessageTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        Map<String, String> current = tracing.currentContext();
        if (!current.isEmpty()) {
            return current;
        }
        Object traceparent = cause.getMetaData().get(MessageTracing.TRACEPARENT);
        return traceparent == null ? Map.of() : Map.of(MessageTracing.TRACEPARENT, traceparent.toString());
    }
}
