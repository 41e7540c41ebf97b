package io.omnireturns.console.shell;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs an action's command, then waits (briefly) until a view shows its effect, so the page that follows shows the
 * new state rather than the one before. The views follow the command side a moment later and announce every change
 * to subscription queries: this one listens from before the command is sent, so no change is missed. Used for the
 * status view ({@code FindReturnStatus}) and the exception queue ({@code FindException}).
 */
@Component
public class ViewCatchUp {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final QueryGateway queries;

    ViewCatchUp(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Sends (through {@code command}) and waits until the view answering {@code query} passes {@code shows}, at most
     * 5 s (the page then shows what the view has so far); answers what the command answered. The command's refusal is
     * thrown as it is.
     */
    public <V, T> T sendAndFollow(Object query, Class<V> viewType, Supplier<T> command, Predicate<V> shows) {
        try (SubscriptionQueryResult<V, V> view = subscribe(query, viewType)) {
            T answer = command.get();
            shown(view, shows, PATIENCE);
            return answer;
        }
    }

    /**
     * Waits until the view answering {@code query} passes {@code shows}, for a command sent already (its change is
     * then in the view, or announced while this waits); false if it did not within {@code patience}.
     */
    public <V> boolean follow(Object query, Class<V> viewType, Predicate<V> shows, Duration patience) {
        try (SubscriptionQueryResult<V, V> view = subscribe(query, viewType)) {
            return shown(view, shows, patience);
        }
    }

    private <V> SubscriptionQueryResult<V, V> subscribe(Object query, Class<V> viewType) {
        return queries.subscriptionQuery(query, ResponseTypes.instanceOf(viewType), ResponseTypes.instanceOf(viewType));
    }

    private static <V> boolean shown(SubscriptionQueryResult<V, V> view, Predicate<V> shows, Duration patience) {
        try {
            return Flux.concat(view.initialResult(), view.updates()).filter(shows::test).blockFirst(patience) != null;
        } catch (IllegalStateException tooSlow) {
            return false;
        }
    }
}
