package io.omnireturns.command.orchestration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The return process's engine ({@code orchestration.engine}) and its settings. What the processors run on
 * (pooled streaming, segments, threads, batch sizes, token claims) is in {@code omnireturns-command.properties};
 * where outcomes go is {@code outcomes.OutcomeRecordingConfiguration}.
 */
@Configuration
@EnableConfigurationProperties(ProcessProperties.class)
public class ProcessConfiguration {
}
