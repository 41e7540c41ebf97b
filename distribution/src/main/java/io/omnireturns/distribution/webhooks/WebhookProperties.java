package io.omnireturns.distribution.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Outbound webhooks ({@code omnireturns.webhooks.*}); every default works on a fresh machine. README, "Outbound
 * webhooks", describes them.
 *
 * @param allowList     where deliveries may go
 * @param delivery      how deliveries are sent, retried and dead-lettered
 * @param secretOverlap    how long a subscription's previous secret still signs after a rotation
 * @param logRetention     delivered deliveries (and events no delivery needs any more) are deleted this long after
 *                         they were delivered; pending deliveries and dead letters stay
 * @param logPurgeInterval how often that purge runs (on one node at a time)
 */
@ConfigurationProperties("omnireturns.webhooks")
public record WebhookProperties(AllowList allowList, Delivery delivery, Duration secretOverlap, Duration logRetention,
                                Duration logPurgeInterval) {

    public WebhookProperties {
        allowList = allowList == null ? new AllowList(null, null, null) : allowList;
        delivery = delivery == null ? new Delivery(null, 0, null, null, null, 0, null, 0, null, 0, 0, null) : delivery;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        logRetention = logRetention == null ? Duration.ofDays(30) : logRetention;
        logPurgeInterval = logPurgeInterval == null ? Duration.ofHours(1) : logPurgeInterval;
    }

    /**
     * The allow-list rule: a URL's host must match one of {@code hosts} ({@code *} any host, {@code *.example.com}
     * any host under example.com, otherwise the exact name); the scheme is https, or http for a host listed in
     * {@code httpHosts}; and every address the host resolves to must be public, unless it lies in one of
     * {@code allowedAddressRanges} (CIDR, e.g. {@code 10.20.0.0/16}). Checked when a subscription is registered and
     * again on every connection (against DNS rebinding); redirects are never followed.
     */
    public record AllowList(List<String> hosts, List<String> httpHosts, List<String> allowedAddressRanges) {
        public AllowList {
            hosts = hosts == null || hosts.isEmpty() ? List.of("*") : List.copyOf(hosts);
            httpHosts = httpHosts == null ? List.of() : List.copyOf(httpHosts);
            allowedAddressRanges = allowedAddressRanges == null ? List.of() : List.copyOf(allowedAddressRanges);
        }
    }

    /**
     * @param pollInterval             how often the dispatcher looks for due deliveries besides right after this node
     *                                 recorded or delivered some: retries falling due, deliveries other nodes recorded
     * @param batchSize                at most this many deliveries claimed per look
     * @param connectTimeout           connecting to a subscriber
     * @param readTimeout              waiting for a subscriber's answer (a slow one fails and is retried)
     * @param lease                    a claimed delivery is this node's for this long; longer than a whole attempt,
     *                                 so no other node sends it meanwhile
     * @param maxAttempts              attempts before a delivery becomes a dead letter
     * @param initialBackoff           the pause after the first failed attempt
     * @param multiplier               each further pause is this many times longer ...
     * @param maxBackoff               ... up to this
     * @param threads                  deliveries in flight at once on this node
     * @param perSubscriberConcurrency deliveries in flight at once per subscription on this node (different returns;
     *                                 one return's deliveries go one after the other), so a slow subscriber holds
     *                                 at most this many threads
     * @param metricsRefresh           how often the pending and dead-letter gauges are counted
     */
    public record Delivery(Duration pollInterval, int batchSize, Duration connectTimeout, Duration readTimeout,
                           Duration lease, int maxAttempts, Duration initialBackoff, double multiplier,
                           Duration maxBackoff, int threads, int perSubscriberConcurrency, Duration metricsRefresh) {
        public Delivery {
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            batchSize = batchSize <= 0 ? 50 : batchSize;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            lease = lease == null ? Duration.ofSeconds(60) : lease;
            maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
            multiplier = multiplier < 1 ? 2.0 : multiplier;
            maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
            threads = threads <= 0 ? 16 : threads;
            perSubscriberConcurrency = perSubscriberConcurrency <= 0 ? 2 : perSubscriberConcurrency;
            metricsRefresh = metricsRefresh == null ? Duration.ofSeconds(5) : metricsRefresh;
            if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("omnireturns.webhooks.delivery.lease must be at least twice "
                        + "connect-timeout + read-timeout, so an attempt ends before another node may claim it");
            }
        }
    }
}
