package io.omnireturns.platform.database.outage;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Once the database answers again, restarts each streaming processor that is still in its error back-off, so it
 * claims its segments now rather than after Axon's back-off (doubling up to a minute) has run out. Processors an
 * operator stopped stay stopped. A start that fails (the pool may need a few seconds to connect again) is tried again
 * every second, so a processor is never left stopped by this.
 */
public class ProcessorsAfterOutage implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsAfterOutage.class);
    private static final int START_ATTEMPTS = 120;

    private final Supplier<EventProcessingConfiguration> processing;
    private final BooleanSupplier serviceRunning;
    private final Executor nextAttempt;

    public ProcessorsAfterOutage(Supplier<EventProcessingConfiguration> processing, BooleanSupplier serviceRunning) {
        this(processing, serviceRunning, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    ProcessorsAfterOutage(Supplier<EventProcessingConfiguration> processing, BooleanSupplier serviceRunning,
                          Executor nextAttempt) {
        this.processing = processing;
        this.serviceRunning = serviceRunning;
        this.nextAttempt = nextAttempt;
    }

    @Override
    public void run() {
        EventProcessingConfiguration configuration = processing.get();
        if (configuration == null) {
            return;
        }
        configuration.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && processor.isRunning() && processor.isError()) {
                log.info("Restarting event processor {} after the database outage, so it claims its segments now",
                        name);
                // off the probe's thread: a start waits for a pooled connection, which may take a while yet
                processor.shutdownAsync().whenCompleteAsync((stopped, failure) -> start(name, processor, 1));
            }
        });
    }

    private void start(String name, EventProcessor processor, int attempt) {
        try {
            processor.start();
        } catch (RuntimeException e) {
            if (processor.isRunning() || !serviceRunning.getAsBoolean()) {
                return;
            }
            if (attempt >= START_ATTEMPTS) {
                log.error("Event processor {} could not be started again after the outage; start it through the "
                        + "admin API or restart the service", name, e);
                return;
            }
            log.info("Event processor {} not started yet after the outage ({}); trying again in 1 s", name,
                    e.toString());
            nextAttempt.execute(() -> start(name, processor, attempt + 1));
        }
    }
}
