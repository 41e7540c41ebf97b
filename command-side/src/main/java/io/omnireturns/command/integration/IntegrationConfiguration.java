package io.omnireturns.command.integration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Inbound webhooks: their settings, scheduling for the sweep over parked messages, and the purge of old messages
 * (a db-scheduler recurring task, so one node runs it per interval).
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(IntegrationProperties.class)
public class IntegrationConfiguration {

    static final String PURGE_TASK = "purge-inbound-webhook-log";

    @Bean
    RecurringTask<Void> inboundWebhookLogPurge(InboundEventRetention retention, IntegrationProperties properties) {
        return Tasks.recurring(PURGE_TASK, Schedules.fixedDelay(properties.logPurgeInterval()))
                .execute((instance, context) -> retention.purge());
    }
}
