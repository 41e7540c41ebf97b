package io.omnireturns.command.policy.trust;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain trust policy from its properties; the only place they meet Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustProperties.class)
public class TrustConfiguration {

    @Bean
    public TrustPolicy trustPolicy(TrustProperties properties) {
        return new TrustPolicy(properties.rules());
    }
}
