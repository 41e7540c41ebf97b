package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Axon's message metrics through {@link LeanMessageMetrics} instead of {@code axon-micrometer}'s monitors: before
 * Axon's metrics auto-configuration, which stands back when a {@link MetricsConfigurerModule} exists.
 * {@code omnireturns.metrics.lean-axon-metrics=false} gives Axon's own monitors back (client-side percentiles, ten
 * minutes' capacity window).
 */
@AutoConfiguration(after = {CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class},
        before = MicrometerMetricsAutoConfiguration.class)
@ConditionalOnClass(GlobalMetricRegistry.class)
@ConditionalOnProperty(name = {"axon.metrics.auto-configuration.enabled", "omnireturns.metrics.lean-axon-metrics"},
        havingValue = "true", matchIfMissing = true)
public class MessageMetricsConfiguration {

    /** On the service's meter registry (Micrometer's global one where a context has none, as in module tests). */
    @Bean
    public MetricsConfigurerModule leanMessageMetrics(ObjectProvider<MeterRegistry> registry,
                                                      ObjectProvider<Clock> clock) {
        return new LeanMessageMetrics(new GlobalMetricRegistry(registry.getIfAvailable(() -> Metrics.globalRegistry)),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
