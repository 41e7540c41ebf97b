package io.omnireturns.command.orchestration;

/** Runs step calls asynchronously; never blocks the caller on a remote system. */
public interface StepExecutor {

    void execute(StepCall call);
}
