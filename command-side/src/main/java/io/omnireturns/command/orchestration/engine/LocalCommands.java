package io.omnireturns.command.orchestration.engine;

import io.omnireturns.command.orchestration.AsyncStepExecutor;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.command.orchestration.OutcomeRecorder;
import io.omnireturns.platform.concurrent.DaemonThreads;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the commands event processors cause to this service's own aggregates, off the processor's thread and
 * outside its batch and transaction: the processor commits its batch and moves on, the command runs on a thread of
 * this pool in a transaction of its own.
 * <p>
 * A domain answer (a {@link DomainException}: the aggregate refused, it has moved on) is final and handed back. A
 * technical failure (the database went away, the conflict retries ran out) is tried again here, with back-off, for
 * about two minutes: long enough for a database fail-over, and every command sent this way is idempotent (release
 * ids, "already decided"), so an extra attempt is harmless. The one gap this leaves, a node that dies in the
 * milliseconds between its batch's commit and the command's, is covered where it matters by the process sweeper (a
 * process whose work did not happen falls due again) and is documented for the ledger release.
 */
@Component
public class LocalCommands implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalCommands.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final OutcomeRecorder outcomes;
    private final ScheduledExecutorService pool;

    public LocalCommands(OutcomeRecorder outcomes) {
        this.outcomes = outcomes;
        this.pool = Executors.newScheduledThreadPool(2, DaemonThreads.named("local-command"));
    }

    /** Runs {@code work} on this pool (never on the caller's thread). */
    public void execute(Runnable work) {
        pool.execute(work);
    }

    /**
     * Sends the command from this pool. The future completes with the result, or with the domain failure (unwrapped),
     * or, after the last attempt, with the technical one.
     */
    public CompletableFuture<Object> send(CommandMessage<?> command) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        pool.execute(() -> attempt(command, 1, answer));
        return answer;
    }

    private void attempt(CommandMessage<?> command, int attempt, CompletableFuture<Object> answer) {
        CompletableFuture<Object> sent;
        try {
            sent = outcomes.record(command);
        } catch (RuntimeException failure) {
            sent = CompletableFuture.failedFuture(failure);
        }
        sent.whenComplete((result, failure) -> {
            if (failure == null) {
                answer.complete(result);
                return;
            }
            Throwable cause = unwrap(failure);
            if (isAnswer(cause) || attempt >= MAX_ATTEMPTS) {
                answer.completeExceptionally(cause);
                return;
            }
            long wait = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 8);
            log.warn("{} failed ({}); attempt {} in {} ms", command.getPayloadType().getSimpleName(),
                    cause.toString(), attempt + 1, wait);
            pool.schedule(() -> attempt(command, attempt + 1, answer), wait, TimeUnit.MILLISECONDS);
        });
    }

    /** An answer from the domain, not a failure to get one: asking again gives the same. */
    public static boolean isAnswer(Throwable cause) {
        return cause instanceof DomainException || cause instanceof AggregateNotFoundException;
    }

    public static Throwable unwrap(Throwable failure) {
        return AsyncStepExecutor.unwrap(failure);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
