package io.omnireturns.command.orchestration;

import org.axonframework.messaging.MetaData;

import java.time.Duration;

/** Runs step calls asynchronously; never blocks the caller on a remote system, nor holds a thread while it waits. */
public interface StepExecutor {

    /**
     * Makes the call after {@code delay} on a thread of its own, then records its outcome as a command to the return.
     *
     * @param origin the correlation data of what asked for the call; the call (MDC, outbound headers) and its outcome
     *               command carry them
     */
    void execute(StepCall call, Duration delay, MetaData origin);
}
