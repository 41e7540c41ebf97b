package io.omnireturns.platform.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Several nodes on one PostgreSQL, without Axon Server: each names itself in its token claims ({@link NodeId}),
 * keeps a heartbeat row ({@link ClusterNodes}) and balances the segments of every streaming processor with the other
 * live nodes ({@link SegmentBalancer}). The claim timings of every processor come from {@link ClusterProperties}, so
 * a dead node's segments are taken over within seconds.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    @Bean
    NodeId clusterNodeId(ClusterProperties properties) {
        return NodeId.of(properties.nodeId());
    }

    /** Axon's JDBC token store as its auto-configuration builds it, with this node's id and the cluster's timeout. */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, NodeId nodeId,
                                 ClusterProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .nodeId(nodeId.value())
                .claimTimeout(properties.claimTimeout())
                .build();
    }

    /**
     * Every pooled processor: claims extended while idle well within the claim timeout, and its coordinator claims at
     * most this node's fair share by itself (the balancer releases what is over it).
     */
    @Bean
    ConfigurerModule clusterPooledProcessorDefaults(ClusterProperties properties,
                                                    ObjectProvider<SegmentBalancer> balancer) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> {
                    builder.claimExtensionThreshold(properties.claimExtension().toMillis());
                    SegmentBalancer segments = balancer.getIfAvailable();
                    return segments == null ? builder : builder.maxSegmentProvider(segments::maxSegments);
                });
    }

    /**
     * Axon's Boot support applies each processor's {@code token-claim-interval} (5 s unless set) after every
     * configurer module, so the cluster's default is written into its properties instead, where none is set.
     */
    @Bean
    static BeanPostProcessor clusterTokenClaimInterval(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof EventProcessorProperties processors) {
                    Binder binder = Binder.get(environment);
                    long interval = binder.bind("omnireturns.cluster.token-claim-interval", java.time.Duration.class)
                            .orElse(java.time.Duration.ofSeconds(5)).toMillis();
                    processors.getProcessors().forEach((name, settings) -> {
                        // brackets: a processor's name may hold characters a property name may not (a saga's "...Processor")
                        String prefix = "axon.eventhandling.processors[" + name + "].token-claim-interval";
                        if (!binder.bind(prefix, String.class).isBound()
                                && !binder.bind(prefix + "-time-unit", String.class).isBound()) {
                            settings.setTokenClaimInterval(interval);
                            settings.setTokenClaimIntervalTimeUnit(TimeUnit.MILLISECONDS);
                        }
                    });
                }
                return bean;
            }
        };
    }

    /** {@code omnireturns.cluster.nodes}: the live nodes this node saw at its last heartbeat, itself included. */
    @Bean
    @ConditionalOnProperty(prefix = "omnireturns.cluster", name = "enabled", matchIfMissing = true)
    MeterBinder clusterNodesGauge(SegmentBalancer balancer) {
        return registry -> Gauge.builder("omnireturns.cluster.nodes", balancer, SegmentBalancer::liveNodes)
                .description("live nodes on this database at the last heartbeat, this one included")
                .register(registry);
    }

    @Bean
    ClusterNodes clusterNodes(JdbcTemplate jdbc, NodeId nodeId, ClusterProperties properties) {
        return new ClusterNodes(jdbc, nodeId, properties.nodeTimeout());
    }

    @Bean
    @ConditionalOnProperty(prefix = "omnireturns.cluster", name = "enabled", matchIfMissing = true)
    SegmentBalancer segmentBalancer(ClusterNodes nodes, ObjectProvider<EventProcessingConfiguration> processing,
                                    JdbcTemplate jdbc, ClusterProperties properties) {
        return new SegmentBalancer(nodes, processing::getIfAvailable, jdbc, properties.heartbeat(),
                properties.claimTimeout(), Clock.systemUTC());
    }
}
