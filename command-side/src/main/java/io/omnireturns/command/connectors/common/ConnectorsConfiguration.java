package io.omnireturns.command.connectors.common;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ConnectorsProperties.class)
public class ConnectorsConfiguration {
}
