package io.omnireturns.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trace context of a message: written into its metadata as W3C {@code traceparent} (and {@code tracestate} when
 * there is one) by whoever sends it, read back by whoever handles it, on whatever thread or node, so one request's
 * command, events, process steps and outbound calls make one trace. Built on Micrometer Tracing (the OpenTelemetry
 * bridge); without a tracer (tracing switched off) every method does nothing and spans are no-ops.
 */
public class MessageTracing {

    /** Metadata key of the W3C trace context, the same name as the HTTP header. */
    public static final String TRACEPARENT = CorrelationIds.TRACEPARENT_HEADER;
    public static final String TRACESTATE = "tracestate";

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer == null ? Tracer.NOOP : tracer;
        this.propagator = propagator == null ? Propagator.NOOP : propagator;
    }

    public static MessageTracing off() {
        return new MessageTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The span this thread works in, if tracing is on and there is one. */
    public Optional<Span> currentSpan() {
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? Optional.empty() : Optional.of(span);
    }

    /** The W3C trace id of the span this thread works in, if any. */
    public Optional<String> currentTraceId() {
        return currentSpan().map(span -> span.context().traceId());
    }

    /** The current span's context as message metadata ({@code traceparent}, {@code tracestate}); empty without one. */
    public Map<String, String> currentContext() {
        Map<String, String> carrier = new HashMap<>(2);
        currentSpan().ifPresent(span -> propagator.inject(span.context(), carrier, (map, key, value) -> {
            if (TRACEPARENT.equals(key) || TRACESTATE.equals(key)) {
                map.put(key, value);
            }
        }));
        return carrier;
    }

    /**
     * A started span named {@code name}: a child of the context in {@code metadata} when it carries one, else of the
     * thread's current span, else a new trace; {@code kind} null for an internal span. Put it in scope with
     * {@link #inScope} and end it.
     */
    public Span startSpan(String name, Map<String, ?> metadata, Span.Kind kind) {
        Object traceparent = metadata == null ? null : metadata.get(TRACEPARENT);
        Span.Builder builder = traceparent == null
                // no parent given: the builder takes the thread's current span, if any
                ? tracer.spanBuilder()
                : propagator.extract(metadata, (carrier, key) -> {
                    Object value = carrier.get(key);
                    return value == null ? null : value.toString();
                });
        builder.name(name);
        if (kind != null) {
            builder.kind(kind);
        }
        return builder.start();
    }

    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
