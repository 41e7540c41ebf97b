package io.omnireturns.distribution.webhooks;

import io.github.resilience4j.core.IntervalFunction;
import io.omnireturns.distribution.webhooks.DeliveryRepository.Claimed;
import io.omnireturns.distribution.webhooks.SubscriptionRepository.SigningKeys;
import io.omnireturns.platform.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox: right after this node recorded deliveries or delivered one (the next of that return may now be
 * due), and otherwise every {@code poll-interval} (retries falling due, deliveries another node recorded), it leases the due heads of each active subscription's queues, as
 * many as the subscription has free slots on this node ({@code per-subscriber-concurrency}) and the node has free
 * threads, and sends each on a pool thread. A slow subscriber fills its own slots and time-outs end its attempts;
 * the others keep theirs. A 2xx answer delivers; 410 Gone switches the subscription off and leaves its deliveries
 * pending; anything else (another status, no answer, an address the allow-list refuses) is retried after an
 * exponential back-off with jitter, and after {@code max-attempts} becomes a dead letter.
 */
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final java.time.Duration WARNING_INTERVAL = java.time.Duration.ofMinutes(1);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final WebhookProperties.Delivery settings;
    private final IntervalFunction backoff;
    private final String node;
    private final Clock clock;
    private final Semaphore threads;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private volatile Instant countedAt = Instant.MIN;
    private volatile boolean running;
    private Instant lastWarning = Instant.MIN;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    WebhookDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, WebhookSender sender,
                      WebhookMetrics metrics, WebhookProperties.Delivery settings, String node, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.metrics = metrics;
        this.settings = settings;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), settings.multiplier(),
                0.2, settings.maxBackoff());
        this.node = node;
        this.clock = clock;
        this.threads = new Semaphore(settings.threads());
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.threads(), DaemonThreads.named("webhook-sender"));
        poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("webhook-dispatcher"));
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Deliveries may be due now: look at once instead of at the next poll (calls in a row coalesce into one look). */
    void wakeUp() {
        ScheduledExecutorService current = poller;
        if (!running || current == null || !wakeUpPending.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeUpPending.set(false);
                pollSafely();
            });
        } catch (RejectedExecutionException stopping) {
            wakeUpPending.set(false);
        }
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        senders.shutdownNow(); // a delivery cut off here keeps its lease; another node or a restart sends it again
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            if (!now.isBefore(lastWarning.plus(WARNING_INTERVAL))) { // once a minute while the database is away
                log.warn("Webhook dispatch round failed ({}); trying again every {} ms", e.getMessage(),
                        settings.pollInterval().toMillis());
                lastWarning = now;
            }
        }
    }

    void poll() {
        Instant now = clock.instant();
        if (!now.isBefore(countedAt.plus(settings.metricsRefresh()))) {
            metrics.counted(deliveries.openCounts());
            countedAt = now;
        }
        for (String subscriptionId : deliveries.subscriptionsWithDueDeliveries(now)) {
            Semaphore subscriberSlots = slots.computeIfAbsent(subscriptionId,
                    id -> new Semaphore(settings.perSubscriberConcurrency()));
            int free = Math.min(Math.min(subscriberSlots.availablePermits(), threads.availablePermits()),
                    settings.batchSize());
            if (free <= 0 || !subscriberSlots.tryAcquire(free)) {
                continue;
            }
            if (!threads.tryAcquire(free)) {
                subscriberSlots.release(free);
                continue;
            }
            List<Claimed> claimed;
            try {
                claimed = deliveries.claim(subscriptionId, free, node, now, now.plus(settings.lease()));
            } catch (RuntimeException e) {
                subscriberSlots.release(free);
                threads.release(free);
                throw e;
            }
            int unused = free - claimed.size();
            subscriberSlots.release(unused);
            threads.release(unused);
            for (Claimed delivery : claimed) {
                senders.execute(() -> {
                    try {
                        attempt(delivery);
                    } catch (RuntimeException e) {
                        log.warn("Webhook delivery {} not settled ({}); it is sent again when its lease ends",
                                delivery, e.getMessage());
                    } finally {
                        subscriberSlots.release();
                        threads.release();
                    }
                });
            }
        }
    }

    private void attempt(Claimed delivery) {
        Optional<SigningKeys> keys = subscriptions.keysOf(delivery.subscriptionId(), clock.instant());
        if (keys.isEmpty() || !subscriptions.isActive(delivery.subscriptionId())) {
            deliveries.release(delivery.deliveryId());
            return;
        }
        WebhookSender.Outcome outcome = sender.send(URI.create(delivery.url()), delivery.eventId(), delivery.body(),
                keys.get(), clock.instant());
        Instant now = clock.instant();
        if (outcome.delivered()) {
            deliveries.delivered(delivery.deliveryId(), outcome.status(), now);
            metrics.delivered(delivery.subscriptionId());
            wakeUp(); // the return's next delivery to this subscriber is its queue's head now
            return;
        }
        metrics.failed(delivery.subscriptionId());
        if (outcome.gone()) {
            subscriptions.changeState(delivery.subscriptionId(), SubscriptionState.DISABLED,
                    "the subscriber answered 410 Gone", now);
            deliveries.failed(delivery.deliveryId(), outcome.status(), outcome.error(), now, now);
            log.warn("Webhook subscription {} answered 410 Gone: switched off", delivery.subscriptionId());
            return;
        }
        int attempts = delivery.attempts() + 1;
        Instant next = attempts >= settings.maxAttempts() ? null : now.plusMillis(backoff.apply(attempts));
        deliveries.failed(delivery.deliveryId(), outcome.status(), outcome.error(), now, next);
        if (next == null) {
            log.warn("Webhook delivery {} is a dead letter after {} attempts: {}", delivery, attempts, outcome.error());
        }
    }
}
