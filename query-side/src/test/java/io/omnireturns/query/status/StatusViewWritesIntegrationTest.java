package io.omnireturns.query.status;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.query.QuerySideIntegrationTest;
import io.omnireturns.query.ReturnStory;
import io.omnireturns.query.status.live.RecentViews;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * This node's writes of status views reach its view cache on a real PostgreSQL transaction: a batch's views kept as
 * written once the transaction commits, never when it rolls back, and never what was written in a savepoint.
 */
@QuerySideIntegrationTest
class StatusViewWritesIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    ReturnStatusRepository repository;
    @Autowired
    RecentViews recentViews;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void a_batch_written_in_a_transaction_that_rolls_back_is_never_answered_from_memory_and_one_that_commits_is() {
        ReturnStatusView projected = projected("C-700");
        ReturnStatusView authorized = withStatus(projected, ReturnStatus.AUTHORIZED, projected.version() + 1);
        List<ReturnStatusRepository.Change> batch =
                List.of(new ReturnStatusRepository.Change(authorized, List.of(), true));

        transaction.executeWithoutResult(status -> {
            assertThat(repository.write(batch, returnId -> true)).containsExactly(authorized);
            status.setRollbackOnly();
        });
        assertThat(recentViews.held(projected.returnId(), 0)).as("neither the old view nor the rolled-back one")
                .isEmpty();

        transaction.executeWithoutResult(status ->
                assertThat(repository.write(batch, returnId -> true)).containsExactly(authorized));
        assertThat(recentViews.held(projected.returnId(), authorized.version())).contains(authorized);
    }

    @Test
    void a_view_written_event_by_event_in_a_savepoint_is_not_kept_as_the_savepoint_may_roll_back_alone() {
        ReturnStatusView projected = projected("C-701");
        ReturnStatusView authorized = withStatus(projected, ReturnStatus.AUTHORIZED, projected.version() + 1);

        transaction.executeWithoutResult(status -> assertThat(repository.update(authorized, List.of())).isTrue());

        assertThat(recentViews.held(projected.returnId(), 0)).isEmpty();
    }

    /** A new return's first view, once the projection has written it and this node's cache holds it. */
    private ReturnStatusView projected(String customerId) {
        String returnId = "R-" + UUID.randomUUID();
        new ReturnStory(eventStore, returnId, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)))
                .then(requested(returnId, "O-" + UUID.randomUUID(), customerId, SalesChannel.WEB, null));
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> recentViews.held(returnId, 0), java.util.Optional::isPresent).orElseThrow();
    }

    private static ReturnStatusView withStatus(ReturnStatusView view, ReturnStatus status, long version) {
        return new ReturnStatusView(view.returnId(), view.orderId(), view.customerId(), view.channel(), view.storeId(),
                status, view.hold(), view.openExceptions(), view.refundMethod(), view.currency(), view.createdAt(),
                view.updatedAt(), view.lines(), view.refund(), view.systems(), view.timeline(), view.notes(),
                view.trust(), version);
    }
}
