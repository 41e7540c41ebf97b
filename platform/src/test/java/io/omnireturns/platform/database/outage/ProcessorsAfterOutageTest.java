package io.omnireturns.platform.database.outage;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
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

        new ProcessorsAfterOutage(() -> processing).run();

        verify(backingOff, timeout(5_000)).start();
        verify(healthy, never()).shutdownAsync();
        verify(stoppedByAnOperator, never()).shutdownAsync();
        verify(stoppedByAnOperator, never()).start();
    }

    private static StreamingEventProcessor processor(boolean running, boolean error) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(error);
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        return processor;
    }
}
