package io.omnireturns.console.warehouse;

import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a command, then waits (briefly) until the status view shows its effect, so the page that follows shows the
 * new state rather than the one before. The view follows the command side a moment later; it announces every change
 * to subscription queries, which this one listens to from before the command is sent.
 */
@Component
class StatusViewCatchUp {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final QueryGateway queries;

    StatusViewCatchUp(QueryGateway queries) {
        this.queries = queries;
    }

    /** Sends (through {@code command}) and waits until the view of the return passes {@code shows}; false if it did not in time. */
    <T> boolean sendAndFollow(String returnId, Supplier<T> command, Predicate<ReturnStatusView> shows) {
        try (SubscriptionQueryResult<ReturnStatusView, ReturnStatusView> view = queries.subscriptionQuery(
                new FindReturnStatus(returnId), ResponseTypes.instanceOf(ReturnStatusView.class),
                ResponseTypes.instanceOf(ReturnStatusView.class))) {
            command.get();
            try {
                return Flux.concat(view.initialResult(), view.updates())
                        .filter(shows::test)
                        .blockFirst(PATIENCE) != null;
            } catch (IllegalStateException tooSlow) {
                return false; // the page shows what the view has so far
            }
        }
    }
}
