package io.omnireturns.query.status;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The status view's settings ({@link StatusViewProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusViewProperties.class)
public class StatusViewConfiguration {
}
