package io.omnireturns.command.connectors.common;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.platform.observability.ConnectorMeters;
import io.omnireturns.platform.observability.ConnectorsHealthContributor;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every HTTP connector call tells the outside: the work's ids as headers, its outcome as metrics and health. */
class ConnectorHttpObservabilityTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private WireMockServer wireMock;
    private SimpleMeterRegistry registry;
    private ConnectorHttp http;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        registry = new SimpleMeterRegistry();
        http = new ConnectorHttp(ExternalSystem.PAYMENT, settings(), RestClient.builder(), registry);
    }

    private ConnectorSettings settings() {
        return new ConnectorSettings("http", wireMock.baseUrl(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(2), new ConnectorSettings.Retry(1, Duration.ofMillis(10), 2.0, 0.5),
                new ConnectorSettings.CircuitBreaker(50, 2, 2, Duration.ofMinutes(1)),
                ConnectorSettings.defaults().sandbox());
    }

    @AfterEach
    void stop() {
        wireMock.stop();
        MDC.clear();
    }

    @Test
    void a_call_made_for_a_request_carries_its_correlation_and_trace_ids_and_the_traceparent_of_its_client_span() {
        wireMock.stubFor(get("/probe").willReturn(ok("pong")));
        MDC.put("correlationId", "corr-42");
        MDC.put("traceId", TRACE_ID);
        // the RestClient observed as Spring Boot sets it up: Micrometer Tracing on OpenTelemetry, W3C propagation
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
        OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> { });
        OtelPropagator propagator = new OtelPropagator(otel.getPropagators(), otelTracer);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
                .observationHandler(new PropagatingSenderTracingObservationHandler<>(tracer, propagator));
        ConnectorHttp traced = new ConnectorHttp(ExternalSystem.PAYMENT, settings(),
                RestClient.builder().observationRegistry(observations), new SimpleMeterRegistry());
        Span step = propagator.extract(Map.of("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"), Map::get)
                .name("step REFUND_PAYMENT").start();

        try (var scope = tracer.withSpan(step)) {
            traced.call("probe", () -> traced.client().get().uri("/probe").retrieve().body(String.class));
        } finally {
            step.end();
        }

        wireMock.verify(getRequestedFor(urlEqualTo("/probe"))
                .withHeader("X-Correlation-Id", equalTo("corr-42"))
                .withHeader("X-Trace-Id", equalTo(TRACE_ID))
                // the same trace, under the client span: a span of its own, not the step's
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-(?!" + step.context().spanId()
                        + ")[0-9a-f]{16}-01")));
    }

    @Test
    void a_call_outside_any_request_sends_no_made_up_ids() {
        wireMock.stubFor(get("/probe").willReturn(ok("pong")));

        probe();

        wireMock.verify(getRequestedFor(urlEqualTo("/probe"))
                .withHeader("X-Correlation-Id", absent())
                .withHeader("X-Trace-Id", absent())
                .withHeader("traceparent", absent()));
    }

    @Test
    void every_call_is_timed_by_outcome_and_failure_code() {
        wireMock.stubFor(get("/probe").willReturn(ok("pong")));
        probe();
        probe();
        wireMock.stubFor(get("/probe").willReturn(status(422)));
        assertThatThrownBy(this::probe).isInstanceOf(ConnectorException.class);

        assertThat(timer("success", "none").count()).isEqualTo(2);
        assertThat(timer("failure", "REJECTED_422").count()).isEqualTo(1);
    }

    @Test
    void an_open_circuit_shows_in_the_state_gauge_and_takes_the_connector_down() {
        ConnectorsHealthContributor health = new ConnectorsHealthContributor(registry);
        assertThat(healthOf(health)).isEqualTo(Status.UP);
        assertThat(circuitState("closed")).isEqualTo(1.0);

        wireMock.stubFor(get("/probe").willReturn(status(503)));
        assertThatThrownBy(this::probe).isInstanceOf(ConnectorException.class);
        assertThatThrownBy(this::probe).isInstanceOf(ConnectorException.class);
        assertThatThrownBy(this::probe).isInstanceOf(ConnectorException.class)
                .satisfies(failure -> assertThat(((ConnectorException) failure).code()).isEqualTo("CIRCUIT_OPEN"));

        assertThat(circuitState("open")).isEqualTo(1.0);
        assertThat(circuitState("closed")).isEqualTo(0.0);
        assertThat(healthOf(health)).isEqualTo(Status.DOWN);
        assertThat(((HealthIndicator) health.getContributor("payments")).health().getDetails())
                .containsEntry("circuit", "open");
    }

    private String probe() {
        return http.call("probe", () -> http.client().get().uri("/probe").retrieve().body(String.class));
    }

    private Timer timer(String outcome, String code) {
        return registry.get(ConnectorMeters.HTTP_CALLS)
                .tags("connector", "payments", "system", "PAYMENT", "operation", "probe", "outcome", outcome, "code", code)
                .timer();
    }

    private double circuitState(String state) {
        return registry.get(ConnectorMeters.CIRCUIT_STATE).tags("connector", "payments", "state", state).gauge().value();
    }

    private static Status healthOf(ConnectorsHealthContributor health) {
        return ((HealthIndicator) health.getContributor("payments")).health().getStatus();
    }
}
