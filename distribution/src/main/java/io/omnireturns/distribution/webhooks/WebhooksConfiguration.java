package io.omnireturns.distribution.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.platform.cluster.NodeId;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * Outbound webhooks: the allow-list, the HTTP client that only connects where it allows, the dispatcher, and the
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

    /**
     * The webhooks' own client: it resolves a host through the allow-list and connects to exactly the addresses the
     * allow-list accepted (no second lookup a rebinding name could answer differently), follows no redirect, retries
     * nothing itself (the dispatcher owns retries) and keeps no cookies.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient webhookHttpClient(DestinationAllowList allowList, WebhookProperties properties) {
        WebhookProperties.Delivery delivery = properties.delivery();
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return allowList.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never used for SNI or verification: the URL's own name is
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setMaxConnTotal(delivery.threads())
                        .setMaxConnPerRoute(delivery.threads())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(delivery.connectTimeout()))
                                .setSocketTimeout(Timeout.of(delivery.readTimeout()))
                                // a kept-alive connection the subscriber closed meanwhile is checked, not failed on
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(delivery.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(delivery.connectTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Bean
    WebhookSender webhookSender(CloseableHttpClient webhookHttpClient, RestClient.Builder builder) {
        return new WebhookSender(builder.clone()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(webhookHttpClient))
                .build());
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
