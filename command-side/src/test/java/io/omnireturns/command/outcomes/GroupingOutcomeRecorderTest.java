package io.omnireturns.command.outcomes;

import io.omnireturns.command.WebReturnRequests;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.config.AggregateLocks;
import io.omnireturns.command.config.EventStoreWakeUp;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.orchestration.OutcomeRecorder;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outcomes recorded together on the real store. The commands are queued before the recorder starts, so they form one
 * group; that a group is one transaction shows when its commit fails: all of it is lost. (PostgreSQL's {@code xmin}
 * cannot show it: each savepoint writes under a subtransaction id of its own.)
 */
@CommandSideIntegrationTest
class GroupingOutcomeRecorderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    CommandBus commandBus;
    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    OutcomeRecorder outcomeRecorder;
    @Autowired
    AggregateLocks locks;
    @Autowired
    EventStoreWakeUp wakeUp;
    @Autowired
    Cache aggregateCache;

    private GroupingOutcomeRecorder recorder;

    @AfterEach
    void close() throws InterruptedException {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void theOutcomeRecorderGroupsWhenTheEngineIsOptimised() {
        assertThat(outcomeRecorder).isInstanceOf(GroupingOutcomeRecorder.class);
    }

    @Test
    void twoOutcomesOfOneReturnInOneGroupAreBothRecorded() throws Exception {
        String returnId = requestReturn();
        recorder = new GroupingOutcomeRecorder(commandBus, commands, locks, wakeUp, transactionManager, 8);

        CompletableFuture<Object> first = recorder.record(notified(returnId, "RECEIVED"));
        CompletableFuture<Object> second = recorder.record(notified(returnId, "INSPECTED"));
        recorder.start();

        assertThat(first).succeedsWithin(PATIENCE);
        assertThat(second).succeedsWithin(PATIENCE);
        assertThat(notifications(returnId)).isEqualTo(2);
    }

    @Test
    void aRefusedOutcomeInTheMiddleDoesNotUndoTheOthers() throws Exception {
        String returnId = requestReturn();
        String refusedReturn = requestReturn();
        String other = requestReturn();
        // read from the store, not the cache: the refused command's unit of work then holds a connection of its own
        // making, which Axon rolls back with the unit of work (the group's transaction must survive that)
        aggregateCache.remove(refusedReturn);
        recorder = new GroupingOutcomeRecorder(commandBus, commands, locks, wakeUp, transactionManager, 8);

        CompletableFuture<Object> before = recorder.record(notified(returnId, "RECEIVED"));
        CompletableFuture<Object> refused = recorder.record(GenericCommandMessage.asCommandMessage(
                new RecordReceipt(refusedReturn, "RCPT-" + refusedReturn, "DC-1",
                        List.of(new ReceivedLine("nope", 5, null)))));
        CompletableFuture<Object> after = recorder.record(notified(other, "RECEIVED"));
        CompletableFuture<Object> sameReturnAfter = recorder.record(notified(returnId, "INSPECTED"));
        recorder.start();

        assertThat(before).succeedsWithin(PATIENCE);
        assertThat(after).succeedsWithin(PATIENCE);
        assertThat(sameReturnAfter).succeedsWithin(PATIENCE);
        assertThat(refused).failsWithin(PATIENCE).withThrowableThat().havingCause()
                .isInstanceOf(DomainException.class);
        assertThat(notifications(returnId)).isEqualTo(2);
        assertThat(notifications(other)).isEqualTo(1);
    }

    @Test
    void aFailedCommitFailsEveryOutcomeOfTheGroupAndLeavesNoCachedAggregateBehind() throws Exception {
        String returnId = requestReturn();
        String other = requestReturn();
        CommitFails failing = new CommitFails(transactionManager);
        recorder = new GroupingOutcomeRecorder(commandBus, commands, locks, wakeUp, failing, 8);

        CompletableFuture<Object> first = recorder.record(notified(returnId, "RECEIVED"));
        CompletableFuture<Object> second = recorder.record(notified(other, "RECEIVED"));
        recorder.start();

        assertThat(first).failsWithin(PATIENCE).withThrowableThat().havingCause()
                .isInstanceOf(TransactionSystemException.class);
        assertThat(second).failsWithin(PATIENCE);
        assertThat(notifications(returnId) + notifications(other)).isZero();
        // a cached copy holding the lost notification would see nothing to record
        commands.sendAndWait(new RecordCustomerNotified(returnId, "RECEIVED", "EMAIL"));
        commands.sendAndWait(new RecordCustomerNotified(other, "RECEIVED", "EMAIL"));
        assertThat(notifications(returnId)).isEqualTo(1);
        assertThat(notifications(other)).isEqualTo(1);
    }

    @Test
    void aClosedRecorderRefusesNewOutcomes() throws Exception {
        recorder = new GroupingOutcomeRecorder(commandBus, commands, locks, wakeUp, transactionManager, 8).start();
        recorder.close();

        assertThatThrownBy(() -> recorder.record(notified("any", "RECEIVED")).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    private static CommandMessage<?> notified(String returnId, String milestone) {
        return GenericCommandMessage.asCommandMessage(new RecordCustomerNotified(returnId, milestone, "EMAIL"));
    }

    private long notifications(String returnId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", Long.class, returnId, CustomerNotified.class.getName());
    }

    private String requestReturn() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        return WebReturnRequests.requestOneJacket(mvc, orderId);
    }

    /** The real transaction manager, except that an outermost transaction never commits: it is rolled back. */
    private record CommitFails(PlatformTransactionManager real) implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return real.getTransaction(definition);
        }

        @Override
        public void commit(TransactionStatus status) {
            if (status.isNewTransaction()) {
                real.rollback(status);
                throw new TransactionSystemException("the database is gone");
            }
            real.commit(status);
        }

        @Override
        public void rollback(TransactionStatus status) {
            real.rollback(status);
        }
    }
}
