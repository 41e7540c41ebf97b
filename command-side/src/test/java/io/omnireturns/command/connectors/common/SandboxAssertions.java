package io.omnireturns.command.connectors.common;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a sandbox call can fail, as the caller tells it apart. */
public final class SandboxAssertions {

    private SandboxAssertions() {
    }

    /** The system said no: asking again will not help. */
    public static ConnectorException assertRejected(ThrowingCallable call, String code) {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class, call);
        assertThat(failure).as("a rejection %s", code).isNotNull();
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).as("retryable").isFalse();
        return failure;
    }

    /** The system was unavailable, as an injected failure makes it: worth asking again. */
    public static ConnectorException assertUnavailable(ThrowingCallable call) {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class, call);
        assertThat(failure).as("an injected failure").isNotNull();
        assertThat(failure.code()).isEqualTo("SANDBOX_UNAVAILABLE");
        assertThat(failure.retryable()).as("retryable").isTrue();
        return failure;
    }
}
