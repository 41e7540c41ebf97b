package io.omnireturns.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a command only when it lost a race for the same aggregate (another node or thread appended
 * first). Business refusals are final and never retried.
 */
public class ConflictRetryScheduler implements RetryScheduler {

    private final RetryScheduler interval;

    ConflictRetryScheduler(int maxRetries, int intervalMillis, ScheduledExecutorService executor) {
        this.interval = IntervalRetryScheduler.builder()
                .maxRetryCount(maxRetries)
                .retryInterval(intervalMillis)
                .retryExecutor(executor)
                .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return isConflict(lastFailure)
                && interval.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    /**
     * Whether the failure is a lost race on an aggregate (worth running the command again), not a refusal: another
     * writer appended first, or Axon broke a deadlock on its aggregate locks (two pieces of work that each hold an
     * aggregate until their transaction ends, see {@code AggregateLocks}, each wanting the other's).
     */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof DeadlockException) {
                return true;
            }
        }
        return false;
    }
}
