package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class LeanMessageMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LeanMessageMetrics metrics = new LeanMessageMetrics(new GlobalMetricRegistry(registry),
            Clock.fixed(NOW, ZoneOffset.UTC));

    record Shipped(String id) {
    }

    record Cancelled(String id) {
    }

    @Test
    void an_event_processor_counts_and_times_each_payload_type_under_axons_names_and_tags() {
        MessageMonitor<Message<?>> processor = metrics.monitor(PooledStreamingEventProcessor.class, "return-status");

        processor.onMessageIngested(event(new Shipped("1"), NOW.minusMillis(1500))).reportSuccess();
        processor.onMessageIngested(event(new Shipped("2"), NOW.minusMillis(40))).reportSuccess();
        processor.onMessageIngested(event(new Cancelled("3"), NOW.minusMillis(40))).reportFailure(new RuntimeException());
        processor.onMessageIngested(event(new Cancelled("4"), NOW.minusMillis(25))).reportIgnored();

        assertThat(count("eventProcessor.successCounter", "Shipped")).isEqualTo(2);
        assertThat(count("eventProcessor.ingestedCounter", "Cancelled")).isEqualTo(2);
        assertThat(count("eventProcessor.failureCounter", "Cancelled")).isEqualTo(1);
        assertThat(count("eventProcessor.ignoredCounter", "Cancelled")).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").tags("processorName", "return-status",
                "payloadType", "Shipped").timer().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "return-status").gauge().value())
                .isEqualTo(25);
    }

    @Test
    void capacity_is_the_handling_time_per_elapsed_time_of_the_last_minute() {
        MessageMonitor<Message<?>> processor = metrics.monitor(PooledStreamingEventProcessor.class, "kpi");
        assertThat(registry.get("eventProcessor.capacity").tag("processorName", "kpi").gauge().value()).isZero();

        var callback = processor.onMessageIngested(event(new Shipped("1"), NOW));
        LockSupport.parkNanos(20_000_000); // handling time of the message: what capacity measures
        callback.reportSuccess();

        double capacity = registry.get("eventProcessor.capacity").tag("processorName", "kpi").gauge().value();
        assertThat(capacity).isGreaterThan(0).isLessThan(1);
    }

    @Test
    void the_command_bus_has_its_own_meters_and_unknown_components_none() {
        metrics.monitor(CommandBus.class, "commandBus")
                .onMessageIngested(GenericCommandMessage.asCommandMessage(new Shipped("1"))).reportSuccess();

        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "Shipped").counter().count())
                .isEqualTo(1);
        assertThat(registry.find("commandBus.latency").gauge()).isNull();
        assertThat(metrics.monitor(String.class, "something")).isSameAs(NoOpMessageMonitor.instance());
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tags("processorName", "return-status", "payloadType", payloadType).counter().count();
    }

    private static EventMessage<?> event(Object payload, Instant timestamp) {
        return new GenericEventMessage<>(new org.axonframework.messaging.GenericMessage<>(payload), () -> timestamp);
    }
}
