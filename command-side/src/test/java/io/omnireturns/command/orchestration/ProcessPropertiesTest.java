package io.omnireturns.command.orchestration;

import io.omnireturns.command.orchestration.process.ProcessTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessPropertiesTest {

    private static final ProcessProperties SETTINGS = withFirstBackoff(Duration.ofSeconds(2));

    @Test
    void the_second_attempt_waits_the_configured_backoff() {
        assertThat(SETTINGS.backoffBefore(2)).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "attempt {0} waits {1} s")
    @CsvSource({"3, 4", "4, 8", "5, 16", "9, 256"})
    void each_later_attempt_waits_twice_as_long_as_the_one_before(int attempt, long seconds) {
        assertThat(SETTINGS.backoffBefore(attempt)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "attempt {0}")
    @CsvSource({"10", "64", "1000", "2147483647"})
    void the_wait_never_exceeds_the_maximum_backoff(int attempt) {
        assertThat(SETTINGS.backoffBefore(attempt)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_backoff_configured_above_its_maximum_is_cut_to_the_maximum() {
        assertThat(withFirstBackoff(Duration.ofMinutes(10)).backoffBefore(2)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void the_process_is_given_the_lease_and_deadlines_as_configured() {
        ProcessTiming timing = ProcessProperties.defaults().timing();

        assertThat(timing.stepMaxAttempts()).isEqualTo(5);
        assertThat(timing.lease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(timing.receiptExpiry()).isEqualTo(Duration.ofDays(30));
        assertThat(timing.settlementSla()).isEqualTo(Duration.ofDays(5));
        assertThat(timing.decisionTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    private static ProcessProperties withFirstBackoff(Duration first) {
        ProcessProperties d = ProcessProperties.defaults();
        return new ProcessProperties(d.stepMaxAttempts(), first, Duration.ofMinutes(5), d.lease(), d.sweepInterval(),
                d.recheck(), d.sweepBatch(), d.receiptExpiry(), d.settlementSla(), d.callThreads(),
                d.decisionTimeout(), d.cacheSize());
    }
}
