package io.omnireturns.command.connectors.common;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;

/**
 * A call to an external system that did not succeed, with its {@link FailureCode} (and, for {@code REJECTED_<status>}
 * and {@code SERVER_ERROR_<status>}, the status). {@code retryable} is the code's: the system may well succeed later
 * (timeout, 5xx, circuit open, sandbox hiccup), or it said no (4xx business rejection, unreadable answer) and asking
 * again will not help.
 */
public class ConnectorException extends RuntimeException {

    private final ExternalSystem system;
    private final String code;
    private final boolean retryable;

    private ConnectorException(ExternalSystem system, String code, boolean retryable, String message,
                               Throwable cause) {
        super(system + " " + code + ": " + message, cause);
        this.system = system;
        this.code = code;
        this.retryable = retryable;
    }

    public ConnectorException(ExternalSystem system, FailureCode code, String message, Throwable cause) {
        this(system, code.code(), code.retryable(), message, cause);
    }

    public ConnectorException(ExternalSystem system, FailureCode code, String message) {
        this(system, code, message, null);
    }

    /** {@code REJECTED_<status>} or {@code SERVER_ERROR_<status>}: the code with the HTTP status the system gave. */
    public ConnectorException(ExternalSystem system, FailureCode code, int status, String message, Throwable cause) {
        this(system, code.code(status), code.retryable(), message, cause);
    }

    public ExternalSystem system() {
        return system;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
