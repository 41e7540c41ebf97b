package io.omnireturns.command.orchestration.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.event.StepAttemptFailed;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bookkeeping of a return's steps and commands, by key: the attempt in flight and its lease, the failure
 * reported for it, and the keys waiting in the exception queue. It is the one owner of retries: it counts the
 * attempts, spaces them with the back-off, and after the last one (or a failure no attempt will cure) hands the step
 * to the exception queue. Keys are held by their rendering, the form events name them in.
 */
final class StepBook {

    /**
     * One key's attempt: started (under a lease), failed (until {@link #move} decides), or being escalated. Attempts
     * are numbered on from earlier rounds (a step run again from the exception queue goes on from its last attempt),
     * so a late report of an earlier round's attempt never counts for the new one; {@code earlier} is how many attempts
     * those rounds made, and a round has its own {@link ProcessTiming#stepMaxAttempts()}.
     */
    static final class Entry {
        boolean remote;
        int attempt;
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) // rows stay as they were for steps never run again
        int earlier;
        Instant leaseUntil;
        Failure failure;
        boolean escalating;

        /** The attempts this round has made (a round run again from the exception queue counts from zero). */
        int attemptsThisRound() {
            return attempt - earlier;
        }
    }

    record Failure(String code, String message, boolean retryable) {
    }

    /** What to do for a wanted key now. */
    sealed interface Move {
        /**
         * Make attempt {@code attempt}, after {@code delay}; {@code retry} when it follows a failed attempt of the same
         * round (the system's own doing), not for the first attempt of a round (asked for by an event or a person).
         */
        record Start(int attempt, Duration delay, boolean retry) implements Move {
        }

        /** Hand the step to the exception queue. */
        record Raise(ProcessStep step, Failure failure, int attempts) implements Move {
        }
    }

    private final Map<String, Entry> open = new LinkedHashMap<>();
    /** Keys in the exception queue (or given up on): not run again until operations resolve their exception. */
    private final Set<String> escalated = new LinkedHashSet<>();
    /** Attempts made by the rounds that ended in the exception queue, by key: a round run again numbers on. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private final Map<String, Integer> earlierRounds = new LinkedHashMap<>();

    /** Forgets every attempt the return no longer wants: it is never made, retried or escalated. */
    void keepOnly(Collection<ProcessKey> wanted) {
        Set<String> keys = wanted.stream().map(ProcessKey::render).collect(Collectors.toSet());
        open.keySet().retainAll(keys);
    }

    /** What to do now for a key the return wants; records it as started (or escalating) under a lease from now. */
    Optional<Move> move(ProcessKey key, boolean remote, Instant now, ProcessTiming timing) {
        String name = key.render();
        Entry entry = open.get(name);
        if (escalated.contains(name) || (entry != null && (entry.failure == null || entry.escalating))) {
            return Optional.empty(); // in the exception queue, in flight, or on its way to the queue
        }
        if (entry == null) {
            int earlier = earlierRounds.getOrDefault(name, 0);
            return Optional.of(start(name, remote, earlier + 1, earlier, Duration.ZERO, false, now, timing));
        }
        Failure failure = entry.failure;
        int inThisRound = entry.attemptsThisRound();
        if (failure.retryable() && inThisRound < timing.stepMaxAttempts()) {
            Duration delay = FailureCode.TIMEOUT.code().equals(failure.code())
                    ? Duration.ZERO : timing.backoffBefore(inThisRound + 1);
            return Optional.of(start(name, remote, entry.attempt + 1, entry.earlier, delay, true, now, timing));
        }
        if (key instanceof StepKey step && step.step() != ProcessStep.OPEN_CASE) {
            entry.escalating = true;
            entry.leaseUntil = now.plus(timing.lease());
            return Optional.of(new Move.Raise(step.step(), failure, inThisRound));
        }
        // a failing CRM raises no exception about itself: the exception is in the queue already
        escalated(name);
        return Optional.empty();
    }

    private Move start(String name, boolean remote, int attempt, int earlier, Duration delay, boolean retry,
                       Instant now, ProcessTiming timing) {
        Entry entry = new Entry();
        entry.remote = remote;
        entry.attempt = attempt;
        entry.earlier = earlier;
        entry.leaseUntil = now.plus(delay).plus(timing.lease());
        open.put(name, entry);
        return new Move.Start(attempt, delay, retry);
    }

    /** A failure report counts only for the attempt in flight; a late one of an earlier attempt is ignored. */
    void failed(StepAttemptFailed event) {
        Entry entry = open.get(event.stepKey());
        if (entry != null && entry.remote && entry.attempt == event.attempt() && entry.failure == null) {
            entry.failure = new Failure(event.failureCode(), event.message(), event.retryable());
        }
    }

    /** The exception queue holds the key now (whoever raised it: this process, the return, the overdue decision). */
    void escalated(String key) {
        Entry ended = open.remove(key);
        if (ended != null) {
            earlierRounds.put(key, ended.attempt);
        }
        escalated.add(key);
    }

    /**
     * Operations asked to run the key again: it is wanted again, under the same key, for a new round of attempts
     * numbered on from the last one.
     */
    void runAgain(String key) {
        escalated.remove(key);
    }

    boolean isEscalated(ProcessKey key) {
        return escalated.contains(key.render());
    }

    /** The attempt awaiting an answer (in flight, or its exception on the way), with its lease. */
    Optional<Entry> awaiting(ProcessKey key) {
        Entry entry = open.get(key.render());
        return entry == null || (entry.failure != null && !entry.escalating) ? Optional.empty() : Optional.of(entry);
    }
}
