package io.omnireturns.query.audit;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.query.status.ReturnStatusProjection;
import io.omnireturns.query.status.ReturnStatusReplay;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status view rebuilt from events alone follows the projection's rules, event type by event type. */
class ReturnStatusReplayTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void the_replay_knows_exactly_the_events_the_status_projection_handles() {
        Set<Class<?>> handled = Arrays.stream(ReturnStatusProjection.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .collect(Collectors.toSet());

        assertThat(ReturnStatusReplay.viewEventTypes()).containsExactlyInAnyOrderElementsOf(handled);
    }

    @Test
    void there_is_no_view_before_the_return_was_requested() {
        assertThat(new ReturnStatusReplay("R-1").view()).isEmpty();
    }

    @Test
    void redelivered_events_change_nothing_as_in_the_projection() {
        ReturnStatusReplay replay = new ReturnStatusReplay("R-1");
        replay.apply(requested("R-1", "O-1", "C-1", SalesChannel.WEB, null), 0, AT);
        replay.apply(authorizedInFull("R-1"), 1, AT.plusSeconds(60));
        replay.apply(new ReturnPutOnHold("R-1", HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 93",
                ReturnStatus.AUTHORIZED), 2, AT.plusSeconds(120));
        ReturnStatusView held = replay.view().orElseThrow();

        replay.apply(requested("R-1", "O-1", "C-1", SalesChannel.WEB, null), 0, AT);
        replay.apply(authorizedInFull("R-1"), 1, AT.plusSeconds(60));

        assertThat(replay.view()).contains(held);
        assertThat(held.status()).isEqualTo(ReturnStatus.ON_HOLD);
        assertThat(held.version()).isEqualTo(2);
        assertThat(held.timeline()).hasSize(3);
        assertThat(replay.underlyingSystems()).as("the hold covers the fraud system's own state")
                .singleElement().satisfies(system -> assertThat(system.system()).isEqualTo(ExternalSystem.FRAUD));
    }

    @Test
    void an_event_before_the_request_cannot_be_applied() {
        ReturnStatusReplay replay = new ReturnStatusReplay("R-1");

        assertThatThrownBy(() -> replay.apply(authorizedInFull("R-1"), 1, AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no status view for return R-1");
    }

    @Test
    void an_event_of_another_return_is_refused() {
        ReturnStatusReplay replay = new ReturnStatusReplay("R-1");

        assertThatThrownBy(() -> replay.apply(requested("R-2", "O-1", "C-1", SalesChannel.WEB, null), 0, AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("R-2");
    }
}
