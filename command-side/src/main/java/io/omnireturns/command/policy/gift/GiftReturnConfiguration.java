package io.omnireturns.command.policy.gift;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code omnireturns.policy.gift-return.*} and {@code omnireturns.policy.gift-card.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GiftReturnProperties.class, GiftCardProperties.class})
public class GiftReturnConfiguration {
}
