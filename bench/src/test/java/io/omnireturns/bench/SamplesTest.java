package io.omnireturns.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {

    @Test
    void percentiles_are_nearest_rank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(Samples.percentile(hundred, 50)).isEqualTo(50);
        assertThat(Samples.percentile(hundred, 99)).isEqualTo(99);
        assertThat(Samples.percentile(hundred, 99.9)).isEqualTo(100);
        assertThat(Samples.percentile(hundred, 100)).isEqualTo(100);
        assertThat(Samples.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(Samples.percentile(new long[0], 99)).isZero();
    }

    @Test
    void summary_is_in_milliseconds() {
        Samples samples = new Samples();
        for (int i = 0; i < 5000; i++) {
            samples.add(1500);
        }
        Map<String, Object> summary = samples.summaryMillis();
        assertThat(summary).containsEntry("count", 5000).containsEntry("p50_ms", 1.5).containsEntry("max_ms", 1.5);
    }
}
