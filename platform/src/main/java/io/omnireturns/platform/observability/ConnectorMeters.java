package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The connector metrics, named in one place: every step call whatever adapter makes it (sandbox or HTTP), every
 * HTTP call with its retries, and each HTTP connector's circuit state. Call rate and failure rate come from the
 * timers' counts by {@code outcome}; latency from their distribution.
 */
public final class ConnectorMeters {

    /** A step call against an external system through its port, sandbox or HTTP alike. */
    public static final String CALLS = "omnireturns.connector.calls";
    /** One operation of an HTTP adapter, retries included, as the caller saw it. */
    public static final String HTTP_CALLS = "omnireturns.connector.http.calls";
    /** 1 for the circuit breaker's current state, 0 for the others, per connector. */
    public static final String CIRCUIT_STATE = "omnireturns.connector.circuit.state";

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    /** resilience4j's circuit breaker states, lower-cased. */
    public static final List<String> CIRCUIT_STATES =
            List.of("closed", "open", "half_open", "forced_open", "disabled", "metrics_only");

    private final MeterRegistry registry;

    public ConnectorMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One step call.
     *
     * @param failureCode null when the call succeeded, else the connector's failure code
     */
    public void recordCall(String connector, String system, String step, String failureCode, long nanos) {
        Timer.builder(CALLS)
                .description("Step calls against external systems, sandbox or HTTP")
                .tags("connector", connector, "system", system, "step", step,
                        "outcome", failureCode == null ? SUCCESS : FAILURE,
                        "code", failureCode == null ? "none" : failureCode)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One HTTP operation, retries included. */
    public void recordHttpCall(String connector, String system, String operation, String failureCode, long nanos) {
        Timer.builder(HTTP_CALLS)
                .description("HTTP connector operations, retries included")
                .tags("connector", connector, "system", system, "operation", operation,
                        "outcome", failureCode == null ? SUCCESS : FAILURE,
                        "code", failureCode == null ? "none" : failureCode)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Publishes a connector's circuit state. The gauges hold the breaker weakly, as Micrometer does, so they read NaN
     * once it is gone; the first breaker registered for a connector name owns its gauges.
     *
     * @param stateOf the breaker's state name (resilience4j's {@code State.name()}, any case)
     */
    public <B> void registerCircuit(String connector, B breaker, Function<B, String> stateOf) {
        for (String state : CIRCUIT_STATES) {
            Gauge.builder(CIRCUIT_STATE, breaker, b -> state.equalsIgnoreCase(stateOf.apply(b)) ? 1 : 0)
                    .description("1 for the connector's current circuit breaker state")
                    .tags("connector", connector, "state", state)
                    .register(registry);
        }
    }
}
