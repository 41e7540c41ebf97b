package io.omnireturns.query.status.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/** Live status updates: the subscriptions ({@link StatusUpdates}) and the node's listener that feeds them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusUpdatesProperties.class)
public class StatusUpdatesConfiguration {

    @Bean
    public StatusUpdates statusUpdates(ReturnStatusProjection views, RecentViews recentViews, EventStore events,
                                       StatusUpdatesProperties properties, MeterRegistry meters) {
        return new StatusUpdates(views, recentViews, events, properties, meters);
    }

    /** The views lately read, answered again until a notification says they changed (see {@link RecentViews}). */
    @Bean
    public RecentViews recentViews(StatusUpdatesProperties properties, Clock clock, MeterRegistry meters,
                                   ObjectProvider<DatabaseAvailability> availability) {
        DatabaseAvailability probe = availability.getIfAvailable();
        return new RecentViews(properties.viewCacheEntries(), properties.viewCacheMaxAge(), clock, meters,
                probe == null ? () -> true : probe::available);
    }

    /** Connects again at once when the outage probe finds the database back, instead of waiting out its back-off. */
    @Bean
    public StatusChangeListener statusChangeListener(DataSource dataSource, StatusUpdates updates,
                                                     RecentViews recentViews,
                                                     StatusUpdatesProperties properties, Clock clock,
                                                     MeterRegistry meters,
                                                     ObjectProvider<DatabaseAvailability> availability) {
        StatusChangeListener listener = new StatusChangeListener(StatusChangeListener.dedicatedTo(dataSource), updates,
                recentViews, properties, clock, meters);
        availability.ifAvailable(probe -> probe.onRecovery(listener::wakeUp));
        return listener;
    }
}
