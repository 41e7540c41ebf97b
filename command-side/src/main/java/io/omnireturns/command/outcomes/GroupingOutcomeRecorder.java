package io.omnireturns.command.outcomes;

import io.omnireturns.command.config.AggregateLocks;
import io.omnireturns.command.config.ConflictRetryScheduler;
import io.omnireturns.command.config.EventStoreWakeUp;
import io.omnireturns.command.orchestration.OutcomeRecorder;
import io.omnireturns.platform.concurrent.DaemonThreads;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Records the outcomes that arrive together (a credit memo, two inventory movements, loyalty and a notification come
 * back within milliseconds of each other) in one transaction: one commit instead of one per command.
 * <p>
 * One thread drains the queue: it takes what is waiting, up to {@code maxGroup} commands, and runs them one after the
 * other on the command bus inside one transaction, each in a savepoint of its own. Axon's unit of work of each command
 * joins the savepoint's transaction ({@code SpringTransactionManager} participates in an active transaction and
 * neither commits nor rolls it back). A command that fails (a refusal, a lost race on its aggregate) is rolled back to
 * its savepoint alone, which also clears the rollback-only mark, so the others still commit. No future completes
 * before the group's commit: a result is only true once it is stored.
 * <p>
 * Every aggregate lock the group takes is held until the group's transaction has ended ({@link AggregateLocks}), as
 * one unit of work would: otherwise another thread could take an aggregate between two of the group's commands, wait in
 * PostgreSQL for the group's uncommitted row, and hold the lock the group needs next. A command that loses a race on
 * a lock (Axon's deadlock detection) or on its aggregate's sequence is sent again after the group.
 * <p>
 * When the group's commit fails, every future fails and every aggregate the group cached is evicted: the aggregate
 * cache ({@code VersionCheckedCache}) removes entries put in a transaction that did not commit, and its version check
 * keeps other threads from using a copy that holds this group's events before they are committed.
 * <p>
 * Needs a command bus that handles on the dispatching thread (Axon's {@code SimpleCommandBus}, the one configured).
 */
public final class GroupingOutcomeRecorder implements OutcomeRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupingOutcomeRecorder.class);

    private final CommandBus commandBus;
    private final CommandGateway retries;
    private final AggregateLocks locks;
    private final EventStoreWakeUp wakeUp;
    private final TransactionTemplate group;
    private final TransactionTemplate savepoint;
    private final int maxGroup;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread drainer;
    private volatile boolean closed;

    public GroupingOutcomeRecorder(CommandBus commandBus, CommandGateway retries, AggregateLocks locks,
                                   EventStoreWakeUp wakeUp, PlatformTransactionManager transactionManager,
                                   int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one command, not " + maxGroup);
        }
        this.commandBus = commandBus;
        this.retries = retries;
        this.locks = locks;
        this.wakeUp = wakeUp;
        this.group = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxGroup = maxGroup;
        this.drainer = DaemonThreads.named("outcome-recorder").newThread(this::drain);
    }

    /** Starts draining; commands recorded before wait in the queue (and then form one group). */
    public GroupingOutcomeRecorder start() {
        drainer.start();
        return this;
    }

    @Override
    public CompletableFuture<Object> record(CommandMessage<?> command) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the outcome recorder is closed"));
            return result;
        }
        queue.add(new Pending(command, result));
        return result;
    }

    /** Stops the thread after its current group; what is still queued fails (its step is retried by the engine). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        drainer.interrupt();
        if (drainer.isAlive()) {
            drainer.join(10_000);
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.result.completeExceptionally(
                new IllegalStateException("the outcome recorder closed before recording this command")));
    }

    private void drain() {
        while (!closed) {
            List<Pending> next = new ArrayList<>(maxGroup);
            try {
                next.add(queue.take());
            } catch (InterruptedException closing) {
                return;
            }
            queue.drainTo(next, maxGroup - 1);
            try {
                record(next);
            } catch (RuntimeException | Error unexpected) {
                log.error("A group of {} outcome commands failed unexpectedly", next.size(), unexpected);
                next.forEach(pending -> pending.result.completeExceptionally(unexpected));
            }
        }
    }

    private void record(List<Pending> next) {
        List<Outcome> outcomes = new ArrayList<>(next.size());
        try {
            locks.holdingUntilDone(() -> group.execute(transaction -> {
                for (Pending pending : next) {
                    outcomes.add(savepoint.execute(nested -> {
                        Outcome outcome = dispatchHere(pending);
                        if (outcome.failure() != null) {
                            nested.setRollbackOnly(); // back to the savepoint: this command alone
                        }
                        return outcome;
                    }));
                }
                return outcomes;
            }));
        } catch (RuntimeException commitFailed) {
            log.warn("A group of {} outcome commands was not committed: {}", next.size(), commitFailed.toString());
            next.forEach(pending -> pending.result.completeExceptionally(commitFailed));
            return;
        }
        wakeUp.eventsCommitted();
        for (Outcome outcome : outcomes) {
            Pending pending = outcome.pending();
            if (outcome.failure() == null) {
                pending.result.complete(outcome.result());
            } else if (ConflictRetryScheduler.isConflict(outcome.failure())) {
                retries.send(pending.command()).whenComplete((result, failure) -> {
                    if (failure != null) {
                        pending.result.completeExceptionally(failure);
                    } else {
                        pending.result.complete(result);
                    }
                });
            } else {
                pending.result.completeExceptionally(outcome.failure());
            }
        }
    }

    /** Runs the command on this thread, in the current savepoint; answers its result or its failure. */
    private Outcome dispatchHere(Pending pending) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CommandMessage<Object> command = (CommandMessage<Object>) pending.command();
        commandBus.dispatch(command, (dispatched, message) -> {
            if (message.isExceptional()) {
                done.completeExceptionally(message.exceptionResult());
            } else {
                done.complete(message.getPayload());
            }
        });
        if (!done.isDone()) {
            throw new IllegalStateException("the command bus must handle " + pending.command().getCommandName()
                    + " on the dispatching thread to record it in a group");
        }
        try {
            return new Outcome(pending, done.join(), null);
        } catch (CompletionException failed) {
            return new Outcome(pending, null, failed.getCause());
        }
    }

    private record Pending(CommandMessage<?> command, CompletableFuture<Object> result) {
    }

    private record Outcome(Pending pending, Object result, Throwable failure) {
    }
}
