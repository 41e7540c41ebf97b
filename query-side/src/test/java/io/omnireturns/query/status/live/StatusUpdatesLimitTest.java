package io.omnireturns.query.status.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnireturns.api.security.AccessScope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StatusUpdatesLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StatusUpdates updates = new StatusUpdates(null,
            new RecentViews(0, Duration.ofSeconds(10), java.time.Clock.systemUTC(), meters), null,
            new StatusUpdatesProperties(2, Duration.ofMinutes(30),
            Duration.ofSeconds(15), 1, 100, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofMinutes(1), 2000, Duration.ofSeconds(10)), meters);

    @Test
    void a_node_refuses_subscriptions_beyond_its_cap_and_frees_a_place_when_one_closes() {
        CopyOnWriteArrayList<Subscription.Ending> endings = new CopyOnWriteArrayList<>();
        StatusListener listener = new StatusListener() {
            @Override
            public void onUpdate(io.omnireturns.api.query.ReturnStatusView view) {
            }

            @Override
            public void onClose(Subscription.Ending ending) {
                endings.add(ending);
            }
        };
        Subscription first = updates.subscribeToAll(AccessScope.unscoped(), listener);
        updates.subscribeToAll(AccessScope.stores(java.util.Set.of("STORE-001")), listener);

        assertThatThrownBy(() -> updates.subscribeToAll(AccessScope.unscoped(), listener))
                .isInstanceOf(TooManySubscribersException.class);
        assertThat(meters.get("omnireturns.status.updates.subscribers").tag("stream", "all").gauge().value())
                .isEqualTo(2);

        first.close();

        assertThat(first.isOpen()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> endings.contains(Subscription.Ending.CLOSED));
        assertThat(updates.subscribers()).isEqualTo(1);
        assertThat(updates.subscribeToAll(AccessScope.unscoped(), listener).isOpen()).isTrue();
    }
}
