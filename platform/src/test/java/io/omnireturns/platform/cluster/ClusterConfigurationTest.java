package io.omnireturns.platform.cluster;

import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterConfigurationTest {

    @Test
    void everyProcessorWithoutATokenClaimIntervalOfItsOwnLooksForFreeSegmentsOnTheClusterInterval() {
        EventProcessorProperties processors = processors("kpi", "return-process", "ReturnProcessSagaProcessor");
        MockEnvironment environment = new MockEnvironment()
                .withProperty("omnireturns.cluster.token-claim-interval", "3s")
                .withProperty("axon.eventhandling.processors.kpi.token-claim-interval", "7");
        processors.getProcessors().get("kpi").setTokenClaimInterval(7);
        processors.getProcessors().get("kpi").setTokenClaimIntervalTimeUnit(TimeUnit.SECONDS);

        ClusterConfiguration.clusterTokenClaimInterval(environment).postProcessAfterInitialization(processors, "axon");

        assertThat(processors.getProcessors().get("return-process").getTokenClaimInterval()).isEqualTo(3000);
        assertThat(processors.getProcessors().get("return-process").getTokenClaimIntervalTimeUnit())
                .isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(processors.getProcessors().get("ReturnProcessSagaProcessor").getTokenClaimInterval()).isEqualTo(3000);
        assertThat(processors.getProcessors().get("kpi").getTokenClaimInterval()).isEqualTo(7);
        assertThat(processors.getProcessors().get("kpi").getTokenClaimIntervalTimeUnit()).isEqualTo(TimeUnit.SECONDS);
    }

    @Test
    void aClaimExtensionAsLongAsTheClaimTimeoutIsRefused() {
        assertThatThrownBy(() -> new ClusterProperties(true, "", java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(8), java.time.Duration.ofSeconds(6), java.time.Duration.ofSeconds(6),
                java.time.Duration.ofSeconds(2)))
                .hasMessageContaining("claim-extension");
    }

    private static EventProcessorProperties processors(String... names) {
        EventProcessorProperties properties = new EventProcessorProperties();
        for (String name : names) {
            properties.getProcessors().put(name, new EventProcessorProperties.ProcessorSettings());
        }
        return properties;
    }
}
