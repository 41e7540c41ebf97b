package io.omnireturns.platform.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdsTest {

    @Test
    void a_w3c_traceparent_gives_its_trace_id_before_any_x_trace_id() {
        assertThat(CorrelationIds.acceptedTraceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "other"))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void a_malformed_or_all_zero_traceparent_falls_back_to_x_trace_id() {
        assertThat(CorrelationIds.acceptedTraceId("00-xyz-00f067aa0ba902b7-01", "trace-7")).contains("trace-7");
        assertThat(CorrelationIds.acceptedTraceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01", null))
                .isEmpty();
    }

    @Test
    void ids_with_spaces_control_characters_or_excess_length_are_not_taken() {
        assertThat(CorrelationIds.acceptedCorrelationId(" order-42:web ")).contains("order-42:web");
        assertThat(CorrelationIds.acceptedCorrelationId("two words")).isEmpty();
        assertThat(CorrelationIds.acceptedCorrelationId("line\nbreak")).isEmpty();
        assertThat(CorrelationIds.acceptedCorrelationId("x".repeat(129))).isEmpty();
        assertThat(CorrelationIds.acceptedCorrelationId(null)).isEmpty();
    }

    @Test
    void new_trace_ids_are_w3c_shaped() {
        assertThat(CorrelationIds.newTraceId()).matches("[0-9a-f]{32}").isNotEqualTo(CorrelationIds.newTraceId());
    }
}
