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
     * @param latency             added to every call (0: none); the median when the distribution is log-normal
     * @param failureRate         share of calls that fail as the real system sometimes does (retryable), 0..1
     * @param seed                makes the injected failures (and latencies) repeatable (0: random)
     * @param latencyDistribution {@code fixed}: every call takes {@code latency}; {@code log-normal}: a call takes
     *                            {@code latency · e^(sigma·Z)}, Z standard normal, the long right tail of real systems
     * @param latencySigma        spread of the log-normal distribution (0.5: p99 ≈ 3.2 × the median)
     */
    public record Sandbox(@DefaultValue("0ms") Duration latency,
                          @DefaultValue("0") double failureRate,
                          @DefaultValue("0") long seed,
                          @DefaultValue("fixed") LatencyDistribution latencyDistribution,
                          @DefaultValue("0.5") double latencySigma) {

        public Sandbox {
            latencyDistribution = latencyDistribution == null ? LatencyDistribution.FIXED : latencyDistribution;
            if (latencySigma < 0) {
                throw new IllegalArgumentException("latency-sigma must not be negative, got " + latencySigma);
            }
        }

        public boolean hasLatency() {
            return latency != null && !latency.isZero();
        }

        /** This sandbox with another latency setting, everything else kept. */
        public Sandbox withLatencyOf(Sandbox other) {
            return new Sandbox(other.latency(), failureRate, seed, other.latencyDistribution(), other.latencySigma());
        }
    }

    public enum LatencyDistribution { FIXED, LOG_NORMAL }

    /** This connector with the latency of {@code all}, unless it has a latency of its own. */
    public ConnectorSettings withDefaultLatency(Sandbox all) {
        if (sandbox.hasLatency() || !all.hasLatency()) {
            return this;
        }
        return new ConnectorSettings(mode, baseUrl, apiKey, connectTimeout, readTimeout, retry, circuitBreaker,
                sandbox.withLatencyOf(all));
    }

    public static ConnectorSettings defaults() {
        return new ConnectorSettings("sandbox", null, null, Duration.ofSeconds(2), Duration.ofSeconds(5),
                new Retry(3, Duration.ofMillis(200), 2.0, 0.5),
                new CircuitBreaker(50, 20, 10, Duration.ofSeconds(30)),
                new Sandbox(Duration.ZERO, 0, 0, LatencyDistribution.FIXED, 0.5));
    }
}
