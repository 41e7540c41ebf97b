package io.omnireturns.query.status;

import io.omnireturns.platform.database.EventSavepoints;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status view's settings ({@link StatusViewProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusViewProperties.class)
public class StatusViewConfiguration {

    /** Unless told otherwise, Axon's per-event metrics of the status view's processor leave replayed events out. */
    @Bean
    ConfigurerModule statusViewReplayMetrics(StatusViewProperties properties) {
        return configurer -> {
            if (!properties.measureReplayedEvents()) {
                configurer.eventProcessing().registerMessageMonitorFactory(ReturnStatusProjection.PROCESSING_GROUP,
                        EventSavepoints.skippingReplays());
            }
        };
    }
}
