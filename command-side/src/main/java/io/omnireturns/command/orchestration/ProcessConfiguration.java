package io.omnireturns.command.orchestration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ProcessProperties.class)
public class ProcessConfiguration {
}
