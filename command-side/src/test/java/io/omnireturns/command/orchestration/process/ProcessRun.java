package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.command.orchestration.StepCall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plays a return's events into a {@link ReturnProcess} as its engine would: each {@link #given} event is its own
 * batch, followed by {@code next()}, at a clock the test moves; {@link #when} applies one batch and answers the
 * actions {@code next()} gives for it. Figures are in {@link ReturnStory}.
 */
final class ProcessRun {

    /**
     * Five attempts, 2 s before the second doubling up to 5 min, a 2 min lease, 30 days for the parcel, 5 days for the
     * settlement, 5 min for the decision: the defaults of {@code omnireturns.process.*}, but for the lease (10 s).
     */
    static final ProcessTiming TIMING = new ProcessTiming(5, Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofDays(5), Duration.ofMinutes(5));

    static final StepKey FRAUD_CHECK = StepKey.of(ProcessStep.FRAUD_CHECK);
    static final StepKey ISSUE_LABEL = StepKey.of(ProcessStep.ISSUE_LABEL);
    static final StepKey ADVISE_WAREHOUSE = StepKey.of(ProcessStep.ADVISE_WAREHOUSE);
    static final StepKey REFUND_PAYMENT = StepKey.of(ProcessStep.REFUND_PAYMENT);
    static final StepKey REPLACEMENT_ORDER = StepKey.of(ProcessStep.REPLACEMENT_ORDER);
    static final StepKey POST_CREDIT_MEMO = StepKey.of(ProcessStep.POST_CREDIT_MEMO);
    static final StepKey REVERSE_LOYALTY = StepKey.of(ProcessStep.REVERSE_LOYALTY);
    static final StepKey OPEN_CASE = StepKey.openCase(ReturnStory.EXCEPTION_ID);

    private ReturnProcess process = ReturnProcess.of(ReturnStory.RETURN_ID);
    private ProcessTiming timing = TIMING;
    private Instant clock = ReturnStory.NOW;
    private long sequence;
    private final List<Object> history = new ArrayList<>();

    static ProcessRun given(Object... events) {
        ProcessRun run = new ProcessRun();
        run.andThen(events);
        return run;
    }

    /** More history: each event its own batch, each followed by {@code next()}, whose actions are dropped. */
    ProcessRun andThen(Object... events) {
        for (Object event : ReturnStory.events(events)) {
            when(event);
        }
        return this;
    }

    /** One batch of events, then {@code next()}: what the engine is asked to do. */
    List<ProcessAction> when(Object... events) {
        for (Object event : ReturnStory.events(events)) {
            history.add(event);
            process.apply(event, sequence++, clock);
        }
        return process.next(clock, timing);
    }

    /** Every event so far again, under the sequence numbers it had (a redelivery, a rebuild that overlaps). */
    List<ProcessAction> redeliverEverything() {
        for (int i = 0; i < history.size(); i++) {
            process.apply(history.get(i), i, clock);
        }
        return process.next(clock, timing);
    }

    ProcessRun after(Duration elapsed) {
        clock = clock.plus(elapsed);
        return this;
    }

    Instant clock() {
        return clock;
    }

    List<ProcessAction> overdue() {
        return process.overdue(clock, timing);
    }

    Optional<Instant> nextDue() {
        return process.nextDue(timing);
    }

    /** Runs the process under other settings than {@link #TIMING}; call it before any event. */
    ProcessRun timedBy(ProcessTiming other) {
        timing = other;
        return this;
    }

    ReturnProcess process() {
        return process;
    }

    /** Carries on with another process object: one read back from storage, say. */
    ProcessRun continueWith(ReturnProcess other) {
        process = other;
        return this;
    }

    // ---- reading actions -----------------------------------------------------------------------------------

    static List<StepCall> calls(List<ProcessAction> actions) {
        return actions.stream().filter(ProcessAction.Call.class::isInstance)
                .map(action -> ((ProcessAction.Call) action).call()).toList();
    }

    static List<ProcessKey> calledKeys(List<ProcessAction> actions) {
        return calls(actions).stream().map(call -> (ProcessKey) call.key()).toList();
    }

    static <T extends StepCall> T onlyCall(List<ProcessAction> actions, Class<T> kind) {
        List<T> matching = callsOf(actions, kind);
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one " + kind.getSimpleName() + " call but saw " + actions);
        }
        return matching.get(0);
    }

    static <T extends StepCall> List<T> callsOf(List<ProcessAction> actions, Class<T> kind) {
        return calls(actions).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static Duration delayOf(List<ProcessAction> actions, StepKey key) {
        return actions.stream().filter(ProcessAction.Call.class::isInstance).map(ProcessAction.Call.class::cast)
                .filter(call -> call.call().key().equals(key)).map(ProcessAction.Call::delay)
                .findFirst().orElseThrow();
    }

    /** The commands sent, in order (local commands and overdue reports alike). */
    static List<Object> commands(List<ProcessAction> actions) {
        List<Object> commands = new ArrayList<>();
        actions.stream().filter(ProcessAction.Send.class::isInstance)
                .map(action -> ((ProcessAction.Send) action).command()).filter(Objects::nonNull)
                .forEach(commands::add);
        return commands;
    }

    static StepKey inventory(String lineId) {
        return StepKey.inventory(lineId);
    }

    static StepKey notice(Milestone milestone) {
        return StepKey.notification(milestone);
    }
}
