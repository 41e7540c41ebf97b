package io.omnireturns.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace context crossing a message: sender's span in the metadata, handler's span below it, and on again. */
class TracingHandlerInterceptorTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final OtelTracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(), event -> { });
    private final MessageTracing tracing = new MessageTracing(tracer,
            new OtelPropagator(otel.getPropagators(), otel.getTracer("test")));

    @Test
    void a_command_is_handled_in_a_child_of_the_span_it_was_sent_from_and_what_it_applies_names_the_handling_span() {
        Span sender = tracer.nextSpan().name("http post /api/v1/returns").start();
        MetaData sent;
        try (var scope = tracer.withSpan(sender)) {
            sent = MetaData.from(tracing.currentContext());
        } finally {
            sender.end();
        }
        AtomicReference<Message<?>> applied = new AtomicReference<>();

        handle(GenericCommandMessage.asCommandMessage("RequestReturn").andMetaData(sent),
                TracingHandlerInterceptor.commands(tracing),
                () -> applied.set(GenericEventMessage.asEventMessage("ReturnRequested")));

        SpanData handling = exportedSpan("command String");
        assertThat(handling.getTraceId()).isEqualTo(sender.context().traceId());
        assertThat(handling.getParentSpanId()).isEqualTo(sender.context().spanId());
        assertThat(applied.get().getMetaData().get(MessageTracing.TRACEPARENT)).isEqualTo(
                "00-" + handling.getTraceId() + "-" + handling.getSpanId() + "-01");
    }

    @Test
    void an_event_handled_in_a_replay_gets_no_span() {
        var replayed = new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(1)),
                GenericEventMessage.asEventMessage("ReturnRequested"));
        var live = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(11),
                GenericEventMessage.asEventMessage("ReturnRequested"));

        handle(replayed, TracingHandlerInterceptor.events(tracing, "return-status"), () -> { });
        assertThat(exported.getFinishedSpanItems()).isEmpty();
        handle(live, TracingHandlerInterceptor.events(tracing, "return-status"), () -> { });
        assertThat(exportedSpan("event String").getAttributes().asMap().toString()).contains("return-status");
    }

    private <T extends Message<?>> void handle(T message, TracingHandlerInterceptor<T> interceptor, Runnable handler) {
        DefaultUnitOfWork<T> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.registerCorrelationDataProvider(new TraceContextCorrelationProvider(tracing));
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<T>(unitOfWork, List.of(interceptor),
                (T handled) -> {
                    handler.run();
                    return null;
                }).proceed());
    }

    private SpanData exportedSpan(String name) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + exported.getFinishedSpanItems()));
    }
}
