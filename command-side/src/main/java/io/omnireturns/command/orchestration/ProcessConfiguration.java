package io.omnireturns.command.orchestration;

import io.omnireturns.platform.observability.DeadlineTrailInterceptor;
import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@org.springframework.context.annotation.Configuration
@EnableConfigurationProperties(ProcessProperties.class)
public class ProcessConfiguration {

    /**
     * What a deadline causes (a retried or timed-out step, an expiry, an overdue decision) keeps the conversation's
     * correlation id and trace, with the system as its actor.
     */
    @Bean
    public DeadlineTrail deadlineTrail(DeadlineManager deadlines, Configuration axon) {
        return new DeadlineTrail(deadlines.registerHandlerInterceptor(
                new DeadlineTrailInterceptor(axon::correlationDataProviders)));
    }

    /** The interceptor's registration, undone with the context. */
    public record DeadlineTrail(Registration registration) implements DisposableBean {
        @Override
        public void destroy() {
            registration.cancel();
        }
    }
}
