package io.omnireturns.platform.database.outage;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProcessorsAfterOutageTest {

    @Test
    void a_processor_still_in_its_error_back_off_is_restarted_and_the_others_are_left_alone() {
        StreamingEventProcessor backingOff = processor(true, true);
        StreamingEventProcessor healthy = processor(true, false);
        StreamingEventProcessor stoppedByAnOperator = processor(false, true);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(
                "return-status", backingOff, "kpi", healthy, "finance-ledger", stoppedByAnOperator));

        new ProcessorsAfterOutage(() -> processing, () -> true).run();

        verify(backingOff, timeout(5_000)).start();
        verify(healthy, never()).shutdownAsync();
        verify(stoppedByAnOperator, never()).shutdownAsync();
        verify(stoppedByAnOperator, never()).start();
    }

    @Test
    void a_start_that_fails_while_the_pool_reconnects_is_tried_again_until_it_succeeds() {
        StreamingEventProcessor backingOff = processor(true, true);
        AtomicInteger starts = new AtomicInteger();
        doAnswer(call -> {
            if (starts.incrementAndGet() < 3) {
                when(backingOff.isRunning()).thenReturn(false);
                throw new IllegalStateException("Connection is not available, request timed out after 1000ms");
            }
            when(backingOff.isRunning()).thenReturn(true);
            return null;
        }).when(backingOff).start();
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("return-status", backingOff));

        new ProcessorsAfterOutage(() -> processing, () -> true, Runnable::run).run();

        verify(backingOff, timeout(5_000).times(3)).start();
        assertThat(starts).hasValue(3);
    }

    private static StreamingEventProcessor processor(boolean running, boolean error) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(error);
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        return processor;
    }
}
