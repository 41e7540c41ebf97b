package io.omnireturns.platform.observability;

import io.omnireturns.platform.database.outage.DatabaseAvailability;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.actuate.health.Status;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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

    @Test
    void a_segment_another_node_took_over_meanwhile_is_not_held_against_this_node() {
        // Axon keeps the status of the segment this node lost during an outage, error and all
        EventTrackerStatus lost = segment(12, new IllegalStateException("CannotCreateTransactionException"));
        StreamingEventProcessor processor = processor(true, false, Map.of(0, lost, 1, segment(41, null)));
        TokenStore tokenStore = claimable(processor, 1);

        Health health = EventProcessorsHealthContributor.health(processor, null, available(true), tokenStore);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("segmentsClaimed", 1)
                .containsEntry("segmentsTakenOverElsewhere", Set.of(0));
        assertThat(health.getDetails().get("segments").toString()).doesNotContain("CannotCreateTransactionException");
    }

    @Test
    void a_node_that_lost_every_segment_is_up_although_axon_keeps_its_coordinator_error_flag() {
        EventTrackerStatus lost = segment(12, new IllegalStateException("CannotCreateTransactionException"));
        StreamingEventProcessor processor = processor(true, true, Map.of(0, lost));
        TokenStore tokenStore = claimable(processor);

        Health health = EventProcessorsHealthContributor.health(processor, null, available(true), tokenStore);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("error", false).containsEntry("segmentsClaimed", 0);
    }

    @Test
    void a_node_in_error_with_segments_it_holds_or_may_claim_is_down() {
        StreamingEventProcessor processor = processor(true, true, Map.of());
        TokenStore tokenStore = claimable(processor, 0);

        Health health = EventProcessorsHealthContributor.health(processor, null, available(true), tokenStore);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void a_segment_of_this_node_stuck_on_an_error_is_down() {
        EventTrackerStatus failing = segment(12, new IllegalStateException("view row missing"));
        StreamingEventProcessor processor = processor(true, false, Map.of(0, failing));
        TokenStore tokenStore = claimable(processor, 0);

        Health health = EventProcessorsHealthContributor.health(processor, null, available(true), tokenStore);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void while_the_database_is_unavailable_a_processor_is_down_at_once_without_asking_the_token_store() {
        StreamingEventProcessor processor = processor(true, false, Map.of(0, segment(40, null)));
        TokenStore tokenStore = mock(TokenStore.class);

        Health health = EventProcessorsHealthContributor.health(processor, null, available(false), tokenStore);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("database", "unavailable");
        verifyNoInteractions(tokenStore);
    }

    @Test
    void a_token_store_that_fails_makes_the_processor_down_rather_than_failing_the_health_endpoint() {
        StreamingEventProcessor processor = processor(true, false, Map.of());
        when(processor.getName()).thenReturn("return-status");
        TokenStore tokenStore = mock(TokenStore.class);
        when(tokenStore.fetchAvailableSegments("return-status"))
                .thenThrow(new IllegalStateException("connection refused"));

        Health health = EventProcessorsHealthContributor.health(processor, null, available(true), tokenStore);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void repeated_health_calls_ask_the_token_store_once_a_second_per_processor_at_most() {
        StreamingEventProcessor processor = processor(true, false, Map.of(0, segment(40, null)));
        TokenStore tokenStore = claimable(processor, 0);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor("return-status")).thenReturn(Optional.of(processor));
        when(processing.tokenStore("return-status")).thenReturn(tokenStore);
        EventProcessorMetrics metrics = new EventProcessorMetrics(processing, mock(EventStore.class),
                mock(JdbcTemplate.class), new SimpleMeterRegistry(), available(true));
        EventProcessorsHealthContributor contributor =
                new EventProcessorsHealthContributor(processing, metrics, available(true));

        for (int call = 0; call < 5; call++) {
            assertThat(((HealthIndicator) contributor.getContributor("return-status")).health().getStatus())
                    .isEqualTo(Status.UP);
        }

        verify(tokenStore, times(1)).fetchAvailableSegments("return-status");
    }

    private static TokenStore claimable(StreamingEventProcessor processor, int... segments) {
        when(processor.getName()).thenReturn("return-status");
        TokenStore tokenStore = mock(TokenStore.class);
        List<Segment> available = Arrays.stream(segments)
                .mapToObj(id -> Segment.computeSegment(id, 0, 1, 2, 3))
                .toList();
        when(tokenStore.fetchAvailableSegments("return-status")).thenReturn(available);
        return tokenStore;
    }

    private static DatabaseAvailability available(boolean available) {
        DatabaseAvailability database = mock(DatabaseAvailability.class);
        when(database.available()).thenReturn(available);
        return database;
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
