package io.omnireturns.command.connectors.common;

import io.omnireturns.api.returns.ExternalSystem;

/**
 * A call to an external system that did not succeed. {@code retryable}: the system may well succeed later
 * (timeout, 5xx, circuit open, sandbox hiccup); otherwise it said no (4xx business rejection, unreadable
 * answer) and asking again will not help.
 */
public class ConnectorException extends RuntimeException {

    private final ExternalSystem system;
    private final String code;
    private final boolean retryable;

    public ConnectorException(ExternalSystem system, String code, String message, boolean retryable, Throwable cause) {
        super(system + " " + code + ": " + message, cause);
        this.system = system;
        this.code = code;
        this.retryable = retryable;
    }

    public ConnectorException(ExternalSystem system, String code, String message, boolean retryable) {
        this(system, code, message, retryable, null);
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
