package io.omnireturns.platform.observability;

import io.micrometer.tracing.Span;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A span around the handling of each message: {@code command <Name>} on the command bus, {@code event <Name>} tagged
 * with its processor in every event processor. Its parent is the trace context the message carries
 * ({@link MessageTracing#TRACEPARENT}), so a handler on an event processor thread, or on another node, continues the
 * trace of the request that caused the message (events handled in a replay get no span). While it runs, the span is current: the messages the handler sends
 * or applies carry it on ({@link TraceContextCorrelationProvider}).
 */
public class TracingHandlerInterceptor<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    private final MessageTracing tracing;
    private final String kind;
    private final String processor;

    private TracingHandlerInterceptor(MessageTracing tracing, String kind, String processor) {
        this.tracing = tracing;
        this.kind = kind;
        this.processor = processor;
    }

    public static <T extends Message<?>> TracingHandlerInterceptor<T> commands(MessageTracing tracing) {
        return new TracingHandlerInterceptor<>(tracing, "command", null);
    }

    public static <T extends Message<?>> TracingHandlerInterceptor<T> events(MessageTracing tracing, String processor) {
        return new TracingHandlerInterceptor<>(tracing, "event", processor);
    }

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        if (processor != null && ReplayToken.isReplay(message)) {
            // a replay rebuilds a view from old events: it is no part of the requests that once caused them
            return interceptorChain.proceed();
        }
        Span span = tracing.startSpan(kind + " " + message.getPayloadType().getSimpleName(), message.getMetaData(),
                processor == null ? null : Span.Kind.CONSUMER);
        span.tag("axon.message.id", message.getIdentifier());
        span.tag("axon.message.type", kind);
        if (processor != null) {
            span.tag("axon.processor", processor);
        }
        if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
            span.tag("axon.aggregate.id", event.getAggregateIdentifier());
        }
        try (var scope = tracing.inScope(span)) {
            return interceptorChain.proceed();
        } catch (Exception | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }
}
