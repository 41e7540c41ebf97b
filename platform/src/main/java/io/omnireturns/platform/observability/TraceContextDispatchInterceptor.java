package io.omnireturns.platform.observability;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps a message sent while a span is current (an HTTP request's, a process step's) with that span's trace
 * context, so its handler continues the trace even on another thread or node. A message sent with no span current
 * keeps the context it was given.
 */
public class TraceContextDispatchInterceptor<T extends Message<?>> implements MessageDispatchInterceptor<T> {

    private final MessageTracing tracing;

    public TraceContextDispatchInterceptor(MessageTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, T, T> handle(List<? extends T> messages) {
        return (index, message) -> {
            Map<String, String> context = tracing.currentContext();
            return context.isEmpty() ? message : (T) message.andMetaData(context);
        };
    }
}
