package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class EventProcessorMetricsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final TokenStore tokenStore = mock(TokenStore.class);
    private final DatabaseAvailability database = mock(DatabaseAvailability.class);
    private final EventProcessorMetrics metrics = new EventProcessorMetrics(processing, eventStore,
            mock(JdbcTemplate.class), new SimpleMeterRegistry(), database);

    @Test
    void the_lag_counts_only_segments_this_instance_may_hold_not_one_another_instance_took_over() {
        EventTrackerStatus takenOver = position(10);
        StreamingEventProcessor processor = processor(Map.of(0, takenOver, 1, position(95)));
        when(database.available()).thenReturn(true);
        when(processing.tokenStore("return-status")).thenReturn(tokenStore);
        when(tokenStore.fetchAvailableSegments("return-status")).thenReturn(List.of(Segment.computeSegment(1, 0, 1)));
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(100));

        assertThat(metrics.lag(processor)).isEqualTo(5);
        assertThat(metrics.ownSegments(processor)).containsOnlyKeys(1);
    }

    @Test
    void while_the_database_is_unavailable_the_gauges_read_nothing_from_it() {
        StreamingEventProcessor processor = processor(Map.of(0, position(95)));
        when(database.available()).thenReturn(false);

        assertThat(metrics.lag(processor)).isNaN();
        assertThat(metrics.deadLetters("return-status")).isNaN();
        verifyNoInteractions(eventStore, tokenStore);
    }

    private static StreamingEventProcessor processor(Map<Integer, EventTrackerStatus> segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn("return-status");
        when(processor.processingStatus()).thenReturn(segments);
        return processor;
    }

    private static EventTrackerStatus position(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
