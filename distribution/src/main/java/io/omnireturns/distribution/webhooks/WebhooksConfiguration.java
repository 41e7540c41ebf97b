package io.omnireturns.distribution.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.platform.cluster.NodeId;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import javax.net.ssl.SSLSocketFactory;
import java.net.InetAddress;
import java.time.Clock;

/**
 * Outbound webhooks: the allow-list, the sender that only connects where it allows, the dispatcher, and the
 * recording processor's settings ({@code omnireturns-webhooks.properties}).
 */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
@PropertySource("classpath:omnireturns-webhooks.properties")
public class WebhooksConfiguration {

    static final String PURGE_TASK = "purge-webhook-delivery-log";

    @Bean
    DestinationAllowList webhookAllowList(WebhookProperties properties) {
        return new DestinationAllowList(properties.allowList(), InetAddress::getAllByName);
    }

    @Bean
    WebhookSender webhookSender(DestinationAllowList allowList, WebhookProperties properties) {
        WebhookProperties.Delivery delivery = properties.delivery();
        return new WebhookSender(new PinnedHttpPost(allowList, delivery.connectTimeout(), delivery.readTimeout(),
                (SSLSocketFactory) SSLSocketFactory.getDefault()));
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry meters) {
        return new WebhookMetrics(meters);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions,
                                        WebhookSender webhookSender, WebhookMetrics webhookMetrics,
                                        WebhookProperties properties, NodeId node, Clock clock) {
        return new WebhookDispatcher(deliveries, subscriptions, webhookSender, webhookMetrics, properties.delivery(),
                node.value(), clock);
    }

    @Bean
    DeliveryRetention webhookDeliveryRetention(DeliveryRepository deliveries, WebhookProperties properties,
                                               Clock clock) {
        return new DeliveryRetention(deliveries, properties, clock);
    }

    /** The purge of old deliveries: a db-scheduler recurring task, so one node runs it per interval. */
    @Bean
    RecurringTask<Void> webhookDeliveryLogPurge(DeliveryRetention retention, WebhookProperties properties) {
        return Tasks.recurring(PURGE_TASK, Schedules.fixedDelay(properties.logPurgeInterval()))
                .execute((instance, context) -> retention.purge());
    }

    /**
     * A recording that fails stops the segment and is tried again (the default handler would skip the event). The
     * first start begins at the head of the event store: a subscription gets only the events stored after it was
     * registered, so the history before this processor existed holds nothing to record.
     */
    @Bean
    ConfigurerModule webhookRecorderSettings() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(DeliveryRecorder.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessorConfiguration(DeliveryRecorder.PROCESSING_GROUP,
                        (c, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
