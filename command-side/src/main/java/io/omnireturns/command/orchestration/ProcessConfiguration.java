package io.omnireturns.command.orchestration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The return process's engine ({@code orchestration.engine}) and its settings. What the processors run on
 * (pooled streaming, segments, threads, batch sizes, token claims) is in {@code omnireturns-command.properties}.
 */
@Configuration
@EnableConfigurationProperties(ProcessProperties.class)
public class ProcessConfiguration {

    /** Outcomes and local commands go to the command gateway, one by one, without waiting for them. */
    @Bean
    @ConditionalOnMissingBean(OutcomeRecorder.class)
    public OutcomeRecorder outcomeRecorder(CommandGateway commands) {
        return commands::send;
    }
}
