package io.omnireturns.command.policy.gift;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code omnireturns.policy.gift-return.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GiftReturnProperties.class)
public class GiftReturnConfiguration {
}
