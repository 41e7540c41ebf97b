package io.omnireturns.platform.database.outage;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Once the database answers again, restarts each streaming processor that is still in its error back-off, so it
 * claims its segments now rather than after Axon's back-off (doubling up to a minute) has run out. Processors an
 * operator stopped stay stopped.
 */
public class ProcessorsAfterOutage implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsAfterOutage.class);

    private final Supplier<EventProcessingConfiguration> processing;

    public ProcessorsAfterOutage(Supplier<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    @Override
    public void run() {
        EventProcessingConfiguration configuration = processing.get();
        if (configuration == null) {
            return;
        }
        configuration.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && processor.isRunning() && processor.isError()) {
                restart(name, processor);
            }
        });
    }

    private static void restart(String name, EventProcessor processor) {
        log.info("Restarting event processor {} after the database outage, so it claims its segments now", name);
        processor.shutdownAsync()
                .thenRunAsync(processor::start)
                .exceptionally(failure -> {
                    log.warn("Event processor {} could not be restarted after the outage", name, failure);
                    return null;
                });
    }
}
