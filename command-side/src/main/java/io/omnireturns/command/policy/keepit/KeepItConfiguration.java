package io.omnireturns.command.policy.keepit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the plain keep-it policy from their properties; the only place they meet Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeepItProperties.class)
public class KeepItConfiguration {

    @Bean
    public KeepItPolicy keepItPolicy(KeepItProperties properties) {
        return properties.policy();
    }
}
