package io.omnireturns.command.orchestration.process;

/**
 * Something the process keeps track of for one return: a remote {@link StepKey step}, or one of its own
 * {@link ProcessTask tasks} (a local command, a clock). The process books attempts, leases and escalations by key;
 * events name a key by its {@link #render() rendering}, which is compared, never parsed.
 */
public sealed interface ProcessKey permits StepKey, ProcessTask {

    /** The form events carry ({@code StepAttemptFailed.stepKey}, {@code ExceptionRaised.stepKey}). */
    String render();
}
