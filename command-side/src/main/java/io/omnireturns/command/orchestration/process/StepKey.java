package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ProcessStep;

import java.util.Objects;

/**
 * One step of one return: the step, and what it is for where a return has several of that step (an order line's
 * inventory movement, a milestone's notification, an exception's CRM case). Stable for the life of the return, so
 * its {@link #render() rendering} is the idempotency key's suffix ({@code returnId + ":" + render()}), the form
 * events carry ({@code StepAttemptFailed.stepKey}) and external systems see. It is only ever rendered, never parsed:
 * the process finds a step named in an event by comparing renderings of the keys it holds.
 *
 * @param step     the kind of step
 * @param argument the order line id, milestone name or exception id; {@code null} for a step a return has once
 */
public record StepKey(ProcessStep step, String argument) implements ProcessKey {

    public StepKey {
        Objects.requireNonNull(step, "step");
    }

    public static StepKey of(ProcessStep step) {
        return new StepKey(step, null);
    }

    public static StepKey inventory(String orderLineId) {
        return new StepKey(ProcessStep.ADJUST_INVENTORY, orderLineId);
    }

    public static StepKey notification(Milestone milestone) {
        return new StepKey(ProcessStep.NOTIFY_CUSTOMER, milestone.name());
    }

    /** The refund's {@code number}th tax request: {@code CALCULATE_TAX:1}, the request id's suffix. */
    public static StepKey tax(int number) {
        return new StepKey(ProcessStep.CALCULATE_TAX, String.valueOf(number));
    }

    public static StepKey openCase(String exceptionId) {
        return new StepKey(ProcessStep.OPEN_CASE, exceptionId);
    }

    /** {@code STEP} or {@code STEP:argument}, as stored in events and sent in idempotency keys. */
    @Override
    public String render() {
        return argument == null ? step.name() : step.name() + ':' + argument;
    }

    @Override
    public String toString() {
        return render();
    }
}
