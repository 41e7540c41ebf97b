package io.omnireturns.console.exceptions;

import io.omnireturns.api.query.ExceptionView;
import io.omnireturns.api.query.FindException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs an action's command, then waits (briefly) until the exception queue shows its effect, listening to the
 * queue's announcements from before the command is sent, so the row shown after the action is the new one.
 */
@Component
class ExceptionCatchUp {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final QueryGateway queries;

    ExceptionCatchUp(QueryGateway queries) {
        this.queries = queries;
    }

    <T> boolean sendAndFollow(String exceptionId, Supplier<T> command, Predicate<ExceptionView> shows) {
        try (SubscriptionQueryResult<ExceptionView, ExceptionView> queue = queries.subscriptionQuery(
                new FindException(exceptionId), ResponseTypes.instanceOf(ExceptionView.class),
                ResponseTypes.instanceOf(ExceptionView.class))) {
            command.get();
            try {
                return Flux.concat(queue.initialResult(), queue.updates()).filter(shows::test)
                        .blockFirst(PATIENCE) != null;
            } catch (IllegalStateException tooSlow) {
                return false; // the row shows what the queue has so far
            }
        }
    }
}
