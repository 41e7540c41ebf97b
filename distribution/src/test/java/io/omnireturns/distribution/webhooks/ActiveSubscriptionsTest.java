package io.omnireturns.distribution.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveSubscriptionsTest {

    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    private final ActiveSubscriptions active = new ActiveSubscriptions(List.of(
            new ActiveSubscriptions.Active("sub-refunds", Set.of("io.omnireturns.refund.issued.v1"), NOON),
            new ActiveSubscriptions.Active("sub-all", Set.of("io.omnireturns.refund.issued.v1",
                    "io.omnireturns.return.initiated.v1"), NOON.minusSeconds(3600))));

    @Test
    void an_event_goes_to_the_subscriptions_to_its_type() {
        assertThat(active.subscribersOf("io.omnireturns.return.initiated.v1", NOON)).containsExactly("sub-all");
        assertThat(active.subscribersOf("io.omnireturns.refund.issued.v1", NOON))
                .containsExactlyInAnyOrder("sub-refunds", "sub-all");
    }

    @Test
    void an_event_that_happened_before_a_subscription_existed_is_not_sent_to_it() {
        assertThat(active.subscribersOf("io.omnireturns.refund.issued.v1", NOON.minusMillis(1)))
                .containsExactly("sub-all");
    }

    @Test
    void an_event_nobody_subscribed_to_goes_nowhere() {
        assertThat(active.subscribersOf("io.omnireturns.return.cancelled.v1", NOON)).isEmpty();
    }
}
