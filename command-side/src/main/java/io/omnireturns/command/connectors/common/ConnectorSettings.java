package io.omnireturns.command.connectors.common;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How to reach one external system, {@code omnireturns.connectors.<system>.*}.
 *
 * @param mode     {@code sandbox} (in-process, the default) or {@code http}
 * @param baseUrl  the real system's base URL (http mode)
 * @param apiKey   sent as a bearer token (http mode); empty: no Authorization header
 */
public record ConnectorSettings(
        @DefaultValue("sandbox") String mode,
        String baseUrl,
        String apiKey,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Sandbox sandbox) {

    /** Retries of retryable failures only, exponential backoff with jitter. */
    public record Retry(@DefaultValue("3") int maxAttempts,
                        @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("2.0") double multiplier,
                        @DefaultValue("0.5") double jitter) {
    }

    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                                 @DefaultValue("20") int slidingWindowSize,
                                 @DefaultValue("10") int minimumNumberOfCalls,
                                 @DefaultValue("30s") Duration openStateWait) {
    }

    /**
     * The in-process stand-in's behaviour.
     *
     * @param latency     added to every call (0: none)
     * @param failureRate share of calls that fail as the real system sometimes does (retryable), 0..1
     * @param seed        makes the injected failures repeatable (0: random)
     */
    public record Sandbox(@DefaultValue("0ms") Duration latency,
                          @DefaultValue("0") double failureRate,
                          @DefaultValue("0") long seed) {
    }

    public static ConnectorSettings defaults() {
        return new ConnectorSettings("sandbox", null, null, Duration.ofSeconds(2), Duration.ofSeconds(5),
                new Retry(3, Duration.ofMillis(200), 2.0, 0.5),
                new CircuitBreaker(50, 20, 10, Duration.ofSeconds(30)),
                new Sandbox(Duration.ZERO, 0, 0));
    }
}
