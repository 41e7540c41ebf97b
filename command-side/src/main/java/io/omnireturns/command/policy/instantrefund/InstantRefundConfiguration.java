package io.omnireturns.command.policy.instantrefund;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain instant-refund policy from its properties; the only place they meet Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstantRefundProperties.class)
public class InstantRefundConfiguration {

    @Bean
    public InstantRefundPolicy instantRefundPolicy(InstantRefundProperties properties) {
        return new InstantRefundPolicy(properties.rules());
    }
}
