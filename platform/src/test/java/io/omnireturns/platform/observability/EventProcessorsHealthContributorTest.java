package io.omnireturns.platform.observability;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EventProcessorsHealthContributorTest {

    @Test
    void a_processor_that_does_not_run_is_out_of_service() {
        StreamingEventProcessor processor = processor(false, false, Map.of());

        assertThat(health(processor).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void a_running_processor_in_error_is_down() {
        StreamingEventProcessor processor = processor(true, true, Map.of());

        assertThat(health(processor).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void a_running_processor_with_a_segment_stuck_on_an_error_is_down_and_says_why() {
        EventTrackerStatus failing = segment(12, new IllegalStateException("view row missing"));
        StreamingEventProcessor processor = processor(true, false, Map.of(0, segment(40, null), 1, failing));

        Health health = health(processor);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("segments").toString()).contains("view row missing");
    }

    @Test
    void a_running_processor_without_errors_is_up_with_its_segments() {
        StreamingEventProcessor processor = processor(true, false, Map.of(0, segment(40, null), 1, segment(41, null)));

        Health health = health(processor);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("segmentsClaimed", 2);
    }

    private static Health health(StreamingEventProcessor processor) {
        return EventProcessorsHealthContributor.health(processor, null);
    }

    private static StreamingEventProcessor processor(boolean running, boolean error,
                                                     Map<Integer, EventTrackerStatus> segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(error);
        when(processor.processingStatus()).thenReturn(segments);
        return processor;
    }

    private static EventTrackerStatus segment(long position, Throwable error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isErrorState()).thenReturn(error != null);
        when(status.getError()).thenReturn(error);
        return status;
    }
}
