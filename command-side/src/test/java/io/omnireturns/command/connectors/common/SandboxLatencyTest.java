package io.omnireturns.command.connectors.common;

import io.omnireturns.api.returns.ExternalSystem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SandboxLatencyTest {

    private static ConnectorSettings.Sandbox sandbox(Duration latency, ConnectorSettings.LatencyDistribution shape,
                                                     double sigma) {
        return new ConnectorSettings.Sandbox(latency, 0, 42, shape, sigma);
    }

    private static long[] draws(SandboxBehaviour behaviour, int count) {
        long[] draws = LongStream.range(0, count).map(i -> behaviour.nextLatencyNanos()).toArray();
        Arrays.sort(draws);
        return draws;
    }

    @Test
    void a_fixed_latency_is_the_same_on_every_call() {
        SandboxBehaviour behaviour = new SandboxBehaviour(ExternalSystem.PAYMENT,
                sandbox(Duration.ofMillis(30), ConnectorSettings.LatencyDistribution.FIXED, 0.5));

        assertThat(draws(behaviour, 100)).containsOnly(Duration.ofMillis(30).toNanos());
    }

    @Test
    void a_log_normal_latency_has_the_configured_median_and_a_long_right_tail() {
        SandboxBehaviour behaviour = new SandboxBehaviour(ExternalSystem.PAYMENT,
                sandbox(Duration.ofMillis(200), ConnectorSettings.LatencyDistribution.LOG_NORMAL, 0.5));

        long[] draws = draws(behaviour, 20_000);
        double medianMillis = draws[draws.length / 2] / 1e6;
        double p99Millis = draws[(int) (draws.length * 0.99)] / 1e6;

        assertThat(medianMillis).isCloseTo(200, within(10.0));
        // e^(0.5 · 2.326) ≈ 3.2 times the median
        assertThat(p99Millis).isCloseTo(200 * Math.exp(0.5 * 2.326), within(40.0));
        assertThat(draws[0]).isPositive();
    }

    @Test
    void no_latency_is_no_wait_whatever_the_distribution() {
        SandboxBehaviour behaviour = new SandboxBehaviour(ExternalSystem.PAYMENT,
                sandbox(Duration.ZERO, ConnectorSettings.LatencyDistribution.LOG_NORMAL, 0.5));

        assertThat(draws(behaviour, 10)).containsOnly(0L);
    }

    @Test
    void the_latency_of_all_applies_to_every_connector_without_one_of_its_own() {
        ConnectorSettings all = new ConnectorSettings("sandbox", null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), ConnectorSettings.defaults().retry(), ConnectorSettings.defaults().circuitBreaker(),
                sandbox(Duration.ofMillis(200), ConnectorSettings.LatencyDistribution.LOG_NORMAL, 0.7));
        ConnectorSettings erp = new ConnectorSettings("sandbox", null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), ConnectorSettings.defaults().retry(), ConnectorSettings.defaults().circuitBreaker(),
                new ConnectorSettings.Sandbox(Duration.ofMillis(20), 0.1, 0, ConnectorSettings.LatencyDistribution.FIXED,
                        0.5));
        ConnectorSettings flakyPayments = new ConnectorSettings("sandbox", null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), ConnectorSettings.defaults().retry(), ConnectorSettings.defaults().circuitBreaker(),
                new ConnectorSettings.Sandbox(Duration.ZERO, 0.25, 0, ConnectorSettings.LatencyDistribution.FIXED,
                        0.5));
        ConnectorsProperties properties = new ConnectorsProperties(
                Map.of("all", all, "erp", erp, "payments", flakyPayments));

        assertThat(properties.of("carrier").sandbox()).isEqualTo(new ConnectorSettings.Sandbox(Duration.ofMillis(200),
                0, 0, ConnectorSettings.LatencyDistribution.LOG_NORMAL, 0.7));
        assertThat(properties.of("erp").sandbox().latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(properties.of("payments").sandbox().latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.of("payments").sandbox().latencyDistribution())
                .isEqualTo(ConnectorSettings.LatencyDistribution.LOG_NORMAL);
        assertThat(properties.of("payments").sandbox().failureRate()).isEqualTo(0.25);
    }
}
