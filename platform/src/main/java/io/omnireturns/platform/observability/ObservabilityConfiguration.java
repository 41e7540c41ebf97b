package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.omnireturns.platform.cluster.SegmentBalancer;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Correlation and tracing (ids and spans in from HTTP, through messages, out to connectors, into the logging MDC),
 * processor metrics, and the health of event processors and connectors.
 */
@AutoConfiguration(after = AxonAutoConfiguration.class)
public class ObservabilityConfiguration {

    /**
     * Right after Spring's observation filter (which opens the request's server span, continuing the caller's
     * {@code traceparent}) and before every other filter, so every log line of a request, errors included, carries
     * its ids and the trace id is the span's.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<CorrelationFilter> correlationFilter(MessageTracing tracing) {
        FilterRegistrationBean<CorrelationFilter> registration =
                new FilterRegistrationBean<>(new CorrelationFilter(tracing));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Micrometer Tracing's tracer and W3C propagator when tracing is on; no-ops when it is switched off
     * ({@code management.tracing.enabled=false}: Spring then propagates nothing, and the ids are carried as before).
     */
    @Bean
    public MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                         @Value("${management.tracing.enabled:true}") boolean enabled) {
        return enabled ? new MessageTracing(tracer.getIfAvailable(), propagator.getIfAvailable())
                : MessageTracing.off();
    }

    /** Every message sent from a handler carries the trace context of the span it runs in. */
    @Bean
    public CorrelationDataProvider traceContextProvider(MessageTracing tracing) {
        return new TraceContextCorrelationProvider(tracing);
    }

    /** A span around each command's handling, a child of the context it was sent with. */
    @Bean
    public TracingHandlerInterceptor<CommandMessage<?>> commandTracingInterceptor(CommandBus commandBus,
                                                                                  MessageTracing tracing) {
        TracingHandlerInterceptor<CommandMessage<?>> interceptor = TracingHandlerInterceptor.commands(tracing);
        commandBus.registerDispatchInterceptor(new TraceContextDispatchInterceptor<>(tracing));
        commandBus.registerHandlerInterceptor(interceptor);
        return interceptor;
    }

    /** A span around each event's handling in each processor, a child of the span that applied the event. */
    @Bean
    public ConfigurerModule eventTracingInterceptor(MessageTracing tracing) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processorName) -> TracingHandlerInterceptor.events(tracing, processorName));
    }

    /** Which deadline set the system to work travels on with the actor (see {@link DeadlineTrailInterceptor}). */
    @Bean
    public CorrelationDataProvider deadlineTriggerProvider() {
        return new SimpleCorrelationDataProvider(DeadlineTrailInterceptor.TRIGGER);
    }

    @Bean
    public MdcHandlerInterceptor<CommandMessage<?>> commandMdcInterceptor(CommandBus commandBus) {
        MdcHandlerInterceptor<CommandMessage<?>> interceptor = new MdcHandlerInterceptor<>();
        commandBus.registerHandlerInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    public ConfigurerModule eventMdcInterceptor() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> new MdcHandlerInterceptor<>());
    }

    @Bean
    public EventProcessorMetrics eventProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                                             JdbcTemplate jdbc, MeterRegistry registry,
                                             ObjectProvider<DatabaseAvailability> database) {
        return new EventProcessorMetrics(processing, eventStore, jdbc, registry, database.getIfAvailable());
    }

    @Bean
    public EventProcessorsHealthContributor eventProcessorsHealthContributor(EventProcessingConfiguration processing,
                                                                             EventProcessorMetrics metrics,
                                                                             ObjectProvider<DatabaseAvailability> database,
                                                                             ObjectProvider<SegmentBalancer> balancer) {
        return new EventProcessorsHealthContributor(processing, metrics, database.getIfAvailable(),
                balancer.getIfAvailable());
    }

    @Bean
    public ConnectorsHealthContributor connectorsHealthContributor(MeterRegistry registry) {
        return new ConnectorsHealthContributor(registry);
    }
}
