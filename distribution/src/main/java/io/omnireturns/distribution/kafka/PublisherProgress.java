package io.omnireturns.distribution.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the publisher did last: the time of its last stored batch (the health's "stuck" measure) and the counters
 * {@value #PUBLISHED} and {@value #FAILURES}.
 */
public class PublisherProgress {

    public static final String PUBLISHED = "omnireturns.kafka.published";
    public static final String FAILURES = "omnireturns.kafka.publish.failures";

    private final Clock clock;
    private final AtomicReference<Instant> lastAdvance;
    private final Counter published;
    private final Counter failures;

    public PublisherProgress(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.lastAdvance = new AtomicReference<>(clock.instant());
        this.published = Counter.builder(PUBLISHED).baseUnit("events")
                .description("canonical events the broker acknowledged (a retried batch counts again)")
                .register(registry);
        this.failures = Counter.builder(FAILURES)
                .description("batches of the Kafka publisher that failed and will be retried")
                .register(registry);
    }

    void published(int events) {
        published.increment(events);
        lastAdvance.set(clock.instant());
    }

    void failed() {
        failures.increment();
    }

    /** When the publisher last stored a batch's token (or started). */
    public Instant lastAdvance() {
        return lastAdvance.get();
    }

    public double failures() {
        return failures.count();
    }
}
