package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One Axon component's message meters ({@link LeanMessageMetrics}): per payload type the counters of messages taken
 * in, handled, failed and ignored and a timer of all of them; for the component a capacity gauge (handling time per
 * second of the last minute: 1 is one thread busy all the time) and, for event processors, the latency of the last
 * event handled (milliseconds from its timestamp).
 */
final class ComponentMeters implements MessageMonitor<Message<?>> {

    private static final long BUCKET_NANOS = TimeUnit.SECONDS.toNanos(6);
    private static final int BUCKETS = 10;

    private final MeterRegistry registry;
    private final Clock clock;
    private final String prefix;
    private final Tags tags;
    private final Map<Class<?>, PayloadMeters> byPayload = new ConcurrentHashMap<>();
    private final AtomicLongArray busyNanos = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray bucketOf = new AtomicLongArray(BUCKETS);
    private final AtomicLong latencyMillis;

    ComponentMeters(MeterRegistry registry, Clock clock, String prefix, Tags tags, boolean measureLatency) {
        this.registry = registry;
        this.clock = clock;
        this.prefix = prefix;
        this.tags = tags;
        Gauge.builder(prefix + ".capacity", this, ComponentMeters::capacity).tags(tags).register(registry);
        if (measureLatency) {
            latencyMillis = new AtomicLong();
            Gauge.builder(prefix + ".latency", latencyMillis, AtomicLong::doubleValue).tags(tags).register(registry);
        } else {
            latencyMillis = null;
        }
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        PayloadMeters meters = byPayload.computeIfAbsent(message.getPayloadType(), this::register);
        meters.ingested.increment();
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
            latencyMillis.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
        }
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                done(meters.success);
            }

            @Override
            public void reportFailure(Throwable cause) {
                done(meters.failure);
            }

            @Override
            public void reportIgnored() {
                done(meters.ignored);
            }

            private void done(Counter outcome) {
                long now = System.nanoTime();
                outcome.increment();
                meters.all.record(now - started, TimeUnit.NANOSECONDS);
                addBusy(now, now - started);
            }
        };
    }

    private PayloadMeters register(Class<?> payloadType) {
        Tags payloadTags = tags.and("payloadType", payloadType.getSimpleName());
        return new PayloadMeters(counter("ingestedCounter", payloadTags), counter("successCounter", payloadTags),
                counter("failureCounter", payloadTags), counter("ignoredCounter", payloadTags),
                Timer.builder(prefix + ".allTimer").tags(payloadTags).register(registry));
    }

    private Counter counter(String name, Tags payloadTags) {
        return Counter.builder(prefix + "." + name).tags(payloadTags).register(registry);
    }

    private void addBusy(long now, long nanos) {
        long bucket = now / BUCKET_NANOS;
        int slot = (int) (bucket % BUCKETS);
        long owner = bucketOf.get(slot);
        if (owner != bucket && bucketOf.compareAndSet(slot, owner, bucket)) {
            busyNanos.set(slot, 0); // a bucket a minute old starts again (a racing add may be lost: a gauge, not a count)
        }
        busyNanos.addAndGet(slot, nanos);
    }

    /** Handling time per elapsed time over the last minute's buckets (the current one included). */
    double capacity() {
        long now = System.nanoTime();
        long bucket = now / BUCKET_NANOS;
        long busy = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (bucket - bucketOf.get(slot) < BUCKETS) {
                busy += busyNanos.get(slot);
            }
        }
        long window = (BUCKETS - 1) * BUCKET_NANOS + now % BUCKET_NANOS;
        return (double) busy / window;
    }

    private record PayloadMeters(Counter ingested, Counter success, Counter failure, Counter ignored, Timer all) {
    }
}
